/**
 * The task pane: Fluent UI in the host's theme and language, and the pane itself, or a plain message
 * when the application is too old for the add-in.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Host } from '../host';
import { STRINGS } from '../i18n';
import { LanguageContext } from './context';
import { Pane } from './Pane';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export function App({ host }: { readonly host: Host }): JSX.Element {
  const styles = useStyles();
  const t = STRINGS[host.language];
  return (
    <FluentProvider
      theme={host.theme === 'dark' ? webDarkTheme : webLightTheme}
      className={styles.root}
      lang={host.language === 'nb' ? 'nb-NO' : host.language === 'sv' ? 'sv-SE' : 'en'}
    >
      <LanguageContext.Provider value={{ lang: host.language, t }}>
        {host.supported ? (
          <Pane host={host} />
        ) : (
          <main>
            <h1>{t.appTitle}</h1>
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{t.unsupported.title}</MessageBarTitle> {t.unsupported.body}
              </MessageBarBody>
            </MessageBar>
          </main>
        )}
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
