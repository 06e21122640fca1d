/*
 * Budget Follow-up: what an old webview shows instead of a blank pane. Plain ES5, no modules, no
 * build step: it runs before the pane's bundle in every webview. The bundle needs a modern engine
 * (Microsoft Edge WebView2, Safari, a current browser); Excel 2019 and older run add-ins in Internet
 * Explorer 11 or the old Edge (EdgeHTML), which cannot parse it. There this page tells the person,
 * in their language, which Excel to use. The manifest already asks for ExcelApi 1.9, which those
 * versions lack; this catches a webview the manifest cannot see (Office 2021 without WebView2).
 */
(function () {
  'use strict';

  var TEXT = {
    en: {
      title: 'Budget Follow-up needs a newer Excel',
      body:
        'This Excel shows add-ins in an old browser (Internet Explorer or the old Microsoft Edge), which cannot run Budget Follow-up. ' +
        'Use Excel for Microsoft 365 (Windows version 1903 or later, Mac 16.24 or later), Excel 2021 or later with Microsoft Edge WebView2, or Excel on the web. ' +
        'Or save the workbook and use the followup command line.'
    },
    nb: {
      title: 'Budsjettoppfølging trenger en nyere Excel',
      body:
        'Denne Excel-versjonen viser tillegg i en gammel nettleser (Internet Explorer eller gamle Microsoft Edge), som ikke kan kjøre Budsjettoppfølging. ' +
        'Bruk Excel for Microsoft 365 (Windows versjon 1903 eller nyere, Mac 16.24 eller nyere), Excel 2021 eller nyere med Microsoft Edge WebView2, eller Excel på nettet. ' +
        'Eller lagre arbeidsboken og bruk kommandolinjen followup.'
    },
    sv: {
      title: 'Budgetuppföljning behöver en nyare Excel',
      body:
        'Den här Excel-versionen visar tillägg i en gammal webbläsare (Internet Explorer eller gamla Microsoft Edge), som inte kan köra Budgetuppföljning. ' +
        'Använd Excel för Microsoft 365 (Windows version 1903 eller senare, Mac 16.24 eller senare), Excel 2021 eller senare med Microsoft Edge WebView2, eller Excel på webben. ' +
        'Eller spara arbetsboken och använd kommandoraden followup.'
    }
  };

  /** Features the bundle relies on that Internet Explorer 11 and EdgeHTML 18 lack. */
  function modern() {
    try {
      return typeof Object.fromEntries === 'function' && typeof Array.prototype.flat === 'function' && typeof window.Promise === 'function' && typeof window.Promise.prototype['finally'] === 'function';
    } catch (e) {
      return false;
    }
  }

  function language() {
    var tag = String(navigator.language || navigator.userLanguage || '').toLowerCase();
    var primary = tag.split(/[-_]/)[0];
    if (primary === 'nb' || primary === 'nn' || primary === 'no') return 'nb';
    if (primary === 'sv') return 'sv';
    return 'en';
  }

  function show() {
    var t = TEXT[language()];
    var container = document.getElementById('container') || document.body;
    while (container.firstChild) container.removeChild(container.firstChild);
    var main = document.createElement('main');
    main.setAttribute('style', 'font-family: Segoe UI, sans-serif; padding: 16px; line-height: 1.4');
    var h1 = document.createElement('h1');
    h1.setAttribute('style', 'font-size: 18px');
    h1.appendChild(document.createTextNode(t.title));
    var p = document.createElement('p');
    p.appendChild(document.createTextNode(t.body));
    main.appendChild(h1);
    main.appendChild(p);
    container.appendChild(main);
  }

  if (modern()) return;
  window.budgetFollowupOldWebview = true;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
