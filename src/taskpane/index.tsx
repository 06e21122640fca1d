/**
 * The task pane's entry: wait for Office (Office.onReady), then render the pane with Office as host.
 */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createOfficeHost, officeReady } from './office-host';

void officeReady().then(() => {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(<App host={createOfficeHost()} />);
});
