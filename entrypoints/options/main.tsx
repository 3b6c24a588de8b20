import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/style.css';

render(<OptionsApp />, document.getElementById('app')!);
