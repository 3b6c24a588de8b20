import { render } from 'preact';
import { pageLanguage } from '@/lib/i18n';
import { PopupApp } from '@/components/PopupApp';

document.documentElement.lang = pageLanguage();
render(<PopupApp />, document.getElementById('app')!);
