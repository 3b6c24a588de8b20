import { render } from 'preact';
import { ManagerApp } from '@/components/ManagerApp';
import '@/components/style.css';
import '@/components/manager.css';

render(<ManagerApp />, document.getElementById('app')!);
