import { useEffect, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { type DialogRequest, settleDialog, subscribeDialogs } from './dialog-store';
import { FileChooser } from './FileChooser';

/** Shows the app's own dialogs (confirmations, browser mode's file chooser), one at a time. */
export function DialogHost() {
  const [queue, setQueue] = useState<readonly DialogRequest[]>([]);
  useEffect(() => subscribeDialogs(setQueue), []);
  const request = queue[0];
  if (!request) return null;
  if (request.kind === 'confirm') {
    return (
      <ConfirmDialog
        key={queue.length}
        title={request.title}
        message={request.message}
        confirmLabel={request.confirmLabel}
        onAnswer={(ok) => {
          settleDialog(request);
          request.resolve(ok);
        }}
      />
    );
  }
  if (request.kind === 'choose-many') {
    return (
      <FileChooser
        purpose={request.purpose}
        multiple
        onDoneMany={(paths) => {
          settleDialog(request);
          request.resolve(paths);
        }}
      />
    );
  }
  return (
    <FileChooser
      purpose={request.purpose}
      suggestedName={request.suggestedName}
      onDone={(file) => {
        settleDialog(request);
        request.resolve(file);
      }}
    />
  );
}
