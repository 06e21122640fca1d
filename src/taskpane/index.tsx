/**
 * The task pane's entry: wait for Office (Office.onReady), then render the pane with Office as host.
 */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createOfficeHost, officeReady, paneShown } from './office-host';

// In the shared runtime the page may load hidden (the ribbon's command ran first): nothing is read or
// rendered until the pane is shown.
void officeReady()
  .then(paneShown)
  .then(() => {
    const container = document.getElementById('container');
    if (!container) return;
    createRoot(container).render(<App host={createOfficeHost()} />);
  });
