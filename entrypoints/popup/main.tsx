import { render } from 'preact';
render(<p>Tabkeep</p>, document.getElementById('app')!);
