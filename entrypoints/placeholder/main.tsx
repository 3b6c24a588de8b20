import { render } from 'preact';
import { pageLanguage } from '@/lib/i18n';
import { PlaceholderPage } from '@/components/PlaceholderPage';
import '@/components/style.css';
import '@/components/placeholder.css';

document.documentElement.lang = pageLanguage();
const params = new URLSearchParams(location.search);
const url = params.get('url') ?? '';
const title = params.get('title') ?? '';
document.title = title || url || 'Tabkeep';
render(<PlaceholderPage url={url} title={title} />, document.getElementById('app')!);
