/** The console's entry: styles, then the app into #app. */
import { render } from 'preact';
import { App } from './app.js';
import './styles/base.css';
import './styles/controls.css';
import './styles/pages.css';
import './styles/line-preview.css';

render(<App />, document.getElementById('app')!);
