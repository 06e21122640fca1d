/**
 * The preview page's entry: the task pane in any browser, outside Office (see preview/PreviewPage.tsx).
 * The UI language follows the browser's (nb, sv, else en); the page has a switch.
 */
import { createRoot } from 'react-dom/client';
import { uiLanguageOf } from './host';
import { PreviewPage } from './preview/PreviewPage';

const container = document.getElementById('container');
if (container) createRoot(container).render(<PreviewPage initialLanguage={uiLanguageOf(navigator.language)} />);
