/**
 * The ribbon's function file entry (ExecuteFunction "generateFollowUp" in manifest.xml). It runs in the
 * pane's shared runtime (taskpane.html loads it beside the pane); every Office call is in office-host.
 */
import { associateRibbonFunction, createOfficeCommandHost, officeReady } from '../taskpane/office-host';
import { runGenerateCommand } from './run';

associateRibbonFunction('generateFollowUp', async () => {
  await officeReady();
  await runGenerateCommand(createOfficeCommandHost());
});
