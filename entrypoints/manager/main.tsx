import { render } from 'preact';
import { pageLanguage } from '@/lib/i18n';
import { ManagerApp } from '@/components/ManagerApp';
import '@/components/style.css';
import '@/components/manager.css';

document.documentElement.lang = pageLanguage();
render(<ManagerApp />, document.getElementById('app')!);
