import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import '@/components/style.css';

render(<PopupApp />, document.getElementById('app')!);
