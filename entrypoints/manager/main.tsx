import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ManagerApp } from '@/components/ManagerApp';
import '@/components/style.css';
import '@/components/manager.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<ManagerApp />, document.getElementById('app')!);
