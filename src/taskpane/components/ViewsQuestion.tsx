/**
 * The question the reader could not answer: are these two sources views of one data set (use one) or
 * parts of one whole (add them)? It used one and says which; the person keeps it, takes the other,
 * or adds both. The answer is saved as the sources' mapping, so it is asked once.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { SeenSummary } from '../../core/model';
import type { ViewsChoice } from '../settings';
import { useStrings } from './context';

export interface ViewsQuestionProps {
  /** A source seen but not used, with `undecidedWith`: the source used in its place. */
  readonly seen: SeenSummary;
  readonly busy: boolean;
  onChoice(choice: ViewsChoice): void;
}

export function ViewsQuestion({ seen, busy, onChoice }: ViewsQuestionProps): JSX.Element {
  const { t } = useStrings();
  const used = seen.undecidedWith ?? '';
  return (
    <MessageBar intent="warning" layout="multiline" role="group" aria-label={t.sources.views.title}>
      <MessageBarBody>
        <MessageBarTitle>{t.sources.views.title}</MessageBarTitle> {t.sources.views.body(seen.range, used)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" disabled={busy} onClick={() => onChoice('keep')}>
          {t.sources.views.keep(used)}
        </Button>
        <Button size="small" disabled={busy} onClick={() => onChoice('other')}>
          {t.sources.views.other(seen.range)}
        </Button>
        <Button size="small" disabled={busy} onClick={() => onChoice('both')}>
          {t.sources.views.both}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
