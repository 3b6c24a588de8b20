import '@/components/style.css';

// The app after the first frame: evaluating its modules before would hold back the rows
// first-rows.js has painted by then.
requestAnimationFrame(() => setTimeout(() => void import('./app')));
