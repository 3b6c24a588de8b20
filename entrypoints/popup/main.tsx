import '@/components/style.css';

// The app after the first frame: evaluating its modules before would hold back the rows
// first-rows.js has painted by then. A page in a hidden tab gets no frames: the timer
// loads it anyway.
let started = false;
const load = () => {
  if (started) return;
  started = true;
  void import('./app');
};
requestAnimationFrame(() => setTimeout(load));
setTimeout(load, 100);
