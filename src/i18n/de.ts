import { joined, md, quoteOf, strong } from '../text/rich';
import type { Messages } from './messages';
import { deAlerts } from './deAlerts';

export const de: Messages = {
  locale: 'de',
  syncTypeName: {
    fullSync: 'Vollständige Synchronisierung',
    deltaSync: 'Deltasynchronisierung (Schnellsynchronisierung)',
  },
  syncTypeExplained: {
    fullSync:
      'Liest alle Postfachgeräte neu aus Exchange. Dauert länger; sinnvoll nach Richtlinienänderungen oder einem Ausfall.',
    deltaSync: 'Übernimmt nur Änderungen seit der letzten Synchronisierung. Schnell; die Wahl für jeden Tag.',
  },
  startSync: { fullSync: 'Vollständig synchronisieren', deltaSync: 'Delta synchronisieren' },
  statusName: {
    none: 'Keiner',
    connectionPending: 'Verbindung ausstehend',
    connected: 'Verbunden',
    disconnected: 'Getrennt',
    unknownFutureValue: 'Unbekannt',
  },
  typeName: {
    onPremises: 'Lokal',
    hosted: 'Gehostet',
    serviceToService: 'Dienst zu Dienst',
    dedicated: 'Dediziert',
    unknownFutureValue: 'Unbekannt',
  },
  never: 'nie',
  unknownValue: '—',
  cancel: 'Abbrechen',
  fact: {
    connector: 'Connector',
    server: 'Server',
    type: 'Typ',
    status: 'Status',
    lastSync: 'Letzte Synchronisierung',
    statusWhenAsked: 'Status bei der Anfrage',
    lastSyncWhenAsked: 'Letzte Synchronisierung bei der Anfrage',
    id: 'ID',
    version: 'Version',
    organization: 'Organisation',
  },

  confirmTitle: 'Diesen Exchange-Connector synchronisieren?',
  confirmAskedBy: (name, personal) =>
    personal ? md`Angefordert von ${name}.` : md`Angefordert von ${name}. Nur ${name} kann starten oder abbrechen.`,
  confirmValidUntil: (when) => md`Gültig bis ${when}.`,
  statusExplained: (name, status, type, server) => {
    const onPremises = type === 'onPremises';
    const check = onPremises
      ? md`Prüfen Sie, ob der Exchange-Connector-Dienst auf ${server} läuft und das Internet erreicht. Microsoft hat den Support für den lokalen Connector am 19. Februar 2024 beendet.`
      : md`
Prüfen Sie den Connector im Intune Admin Center (Mandantenverwaltung > Connectors und Token > Exchange-Connectors).
        `;
    if (status === 'disconnected')
      return md`${name} ist getrennt: Intune erreicht ihn nicht, er kann nicht synchronisieren. ${check}`;
    if (status === 'connectionPending')
      return md`${name} wartet auf seine Verbindung: Er hat Intune seit der Einrichtung nicht erreicht. ${check}`;
    if (status === 'connected') return md`${name} ist verbunden: Intune erreicht ihn, er kann synchronisieren.`;
    return md`${name} meldet Intune „${status ?? '?'}“. ${check}`;
  },
  matchingConnectors: (count) =>
    count === 0
      ? 'Kein Connector dieser Art.'
      : `${count} Connector${count === 1 ? '' : 's'} dieser Art. Bitte einen wählen:`,
  bothTypes: 'Sie haben vollständig und Delta genannt: welche Synchronisierung?',
  syncCommand: (name, syncType) =>
    `synchronisiere connector ${/\s/.test(name) ? `"${name}"` : name} ${syncType === 'fullSync' ? 'vollständig' : 'delta'}`,
  confirmStatusWarning: (name, status) =>
    status === 'disconnected'
      ? md`⚠️ ${name} ist **getrennt**: Intune erreicht ihn gerade nicht, die Synchronisierung läuft womöglich erst, wenn der Connector-Dienst wieder da ist. Sie können die Anfrage trotzdem senden.`
      : md`⚠️ ${name} **wartet auf seine Verbindung**: er hat sich noch nicht mit Intune verbunden, die Synchronisierung läuft womöglich nicht. Sie können die Anfrage trotzdem senden.`,
  signInExpiredNote:
    '🔑 Ihre Anmeldung war abgelaufen, daher wurde nichts gesendet. Melden Sie sich an, wenn Sie gefragt werden, und drücken Sie die Schaltfläche erneut.',
  sending: 'Die Synchronisierung wird bei Intune angefordert…',
  working: 'Die Anfrage wird noch bearbeitet; die Karte zeigt das Ergebnis.',
  answeredBelow: 'Antwort siehe unten.',
  requestedTitle: (syncType) =>
    `${syncType === 'fullSync' ? 'Vollständige Synchronisierung' : 'Deltasynchronisierung'} angefordert`,
  requestedBy: (name, when) => md`Angefordert von ${name} am ${when}.`,
  requestedNext: (command) =>
    md`Intune synchronisiert im Hintergrund. Mit ${strong(command)} sehen Sie, wann sie fertig ist.`,
  watchFollowing: (until) =>
    md`⏳ Ich verfolge sie: Diese Karte ändert sich, sobald Intune die Synchronisierung meldet (bis ${until}).`,
  completionText: {
    completed: (when, minutes) =>
      `abgeschlossen ${when} (Dauer: ${minutes < 1 ? 'unter einer Minute' : `${minutes} Min.`})`,
    notReported: (minutes) => `nicht innerhalb von ${minutes} Min. gemeldet`,
    statusChanged: (status) => `danach ${status}`,
    gone: 'Connector nicht mehr vorhanden',
  },
  watchCompleted: (when, minutes) =>
    md`✅ Laut Intune abgeschlossen um ${when} (Dauer: ${minutes < 1 ? 'unter einer Minute' : `${minutes} Min.`}).`,
  watchNotReported: (minutes, server) =>
    md`⚠️ Intune hat diese Synchronisierung nicht innerhalb von ${String(minutes)} Minuten gemeldet. Prüfen Sie, ob der Exchange-Connector-Dienst auf ${server} läuft, und den Status des Connectors in Intune; die Synchronisierung kann noch abschließen.`,
  watchStatusChanged: (name, status) =>
    md`⚠️ ${name} ist jetzt ${status}: Ohne Verbindung kann er nicht synchronisieren. Ich verfolge die Synchronisierung nicht weiter.`,
  watchStopped:
    'Ich verfolge diese Synchronisierung nicht weiter, weil Ihre Anmeldung abgelaufen ist (sonst hat sich nichts geändert). Wählen Sie **Aktualisieren**, um fortzufahren.',
  watchGone: (name) => md`⚠️ ${name} gibt es in Intune nicht mehr; ich verfolge diese Synchronisierung nicht weiter.`,
  recentRequest: (name, syncType, when, progress) =>
    md`${name} hat am ${when} eine ${syncType === 'fullSync' ? 'vollständige' : 'Delta'}-Synchronisierung dieses Connectors angefordert: ${progress}.`,
  recentProgress: {
    requested: 'Intune hat sie angenommen',
    completed: 'Intune meldet sie als abgeschlossen',
    notReported: 'Intune hat sie nicht rechtzeitig gemeldet',
    watching: 'Intune hat sie noch nicht gemeldet',
  },
  syncAgainAnyway: 'Trotzdem erneut synchronisieren',
  onPremisesNote:
    'Intune hat die Anfrage angenommen. Microsoft hat den Support für den lokalen Exchange-Connector am 19. Februar 2024 beendet („der Exchange-Connector wird nicht mehr mit Intune synchronisiert“), Intune führt sie daher womöglich nicht aus.',
  refusedTitle: 'Die Synchronisierung wurde nicht angefordert',
  unknownTitle: 'Ergebnis unbekannt',
  unknownText: (command) =>
    md`Das Ergebnis ist unbekannt, weil Graph es nicht bestätigt hat: es kam keine Antwort rechtzeitig. Die Anfrage wurde nicht erneut gesendet. Geben Sie ${strong(command)} ein: Rückt die letzte Synchronisierung vor, lief sie.`,
  interruptedText: (command) =>
    md`Das Ergebnis ist unbekannt, weil Graph es nicht bestätigt hat: der Bot wurde beim Senden beendet. Die Anfrage wurde nicht erneut gesendet. Geben Sie ${strong(command)} ein: Rückt die letzte Synchronisierung vor, lief sie.`,
  cancelledTitle: 'Abgebrochen',
  cancelledBy: (name, when) => md`Abgebrochen von ${name} am ${when}. Es wurde nichts synchronisiert.`,
  expiredTitle: 'Diese Bestätigung ist abgelaufen',
  expiredText: 'Es wurde nichts synchronisiert.',
  supersededTitle: 'Eine andere Synchronisierung kam zuerst',
  supersededText: (name, syncType, when) =>
    md`${name} hat am ${when} eine ${syncType === 'fullSync' ? 'vollständige ' : 'Delta-'}Synchronisierung dieses Connectors angefordert, nachdem diese Karte gezeigt wurde. Es wurde nichts erneut gesendet.`,
  alreadyHandled: 'Diese Anfrage wurde bereits bearbeitet; es wurde nichts erneut gesendet.',
  beingHandled: 'Diese Anfrage wird gerade bearbeitet; es wurde nichts erneut gesendet.',
  notRequester: (name) =>
    md`Nur ${name}, der/die diese Synchronisierung angefordert hat, kann sie starten oder abbrechen.`,
  wrongConversation:
    'Diese Schaltfläche gehört zu einer Karte in einem anderen Chat; es wurde nichts getan. Verwenden Sie die Karte dort, wo sie gezeigt wurde, oder fragen Sie hier neu an.',
  confirmationNotFound: 'Diese Bestätigung finde ich nicht mehr. Geben Sie den Befehl erneut ein.',
  graphRequestId: (id) => md`Graph-Request-ID: ${id}`,
  syncFailure: {
    unauthorized:
      'Microsoft Graph hat Ihre Anmeldung nicht akzeptiert (vielleicht abgelaufen). Es wurde nichts synchronisiert; bitte erneut anmelden und wiederholen.',
    forbidden:
      'Microsoft Graph hat abgelehnt: Sie benötigen die Berechtigung DeviceManagementServiceConfig.ReadWrite.All und eine Intune-Administratorrolle. Es wurde nichts synchronisiert; wenden Sie sich an Ihre Intune-Administration.',
    notFound:
      'Diesen Connector gibt es in Intune nicht mehr. Es wurde nichts synchronisiert; mit `liste connectors` sehen Sie die aktuellen.',
    badRequest:
      'Microsoft Graph hat die Anfrage als ungültig abgelehnt. Es wurde nichts synchronisiert; bitte mit der Request-ID melden.',
    throttled: 'Intune drosselt gerade Anfragen. Es wurde nichts synchronisiert.',
    unavailable:
      'Intune ist vorübergehend nicht verfügbar. Es wurde nichts synchronisiert; bitte in einigen Minuten erneut versuchen.',
    serverError:
      'Intune hat einen internen Fehler gemeldet und die Anfrage nicht angenommen. Prüfen Sie `status`, bevor Sie es erneut versuchen.',
    unreachable: 'Microsoft Graph ist nicht erreichbar. Es wurde nichts synchronisiert; bitte gleich erneut versuchen.',
    noAnswer: 'Microsoft Graph hat nicht rechtzeitig geantwortet.',
  },
  lookupFailure: {
    unauthorized:
      'Microsoft Graph hat Ihre Anmeldung nicht akzeptiert (vielleicht abgelaufen). Bitte erneut anmelden und wiederholen.',
    forbidden:
      'Microsoft Graph hat die Anzeige der Connectors abgelehnt: Sie benötigen eine Intune-Rolle, die die Dienstkonfiguration lesen darf.',
    notFound: 'Diesen Connector gibt es in Intune nicht mehr. Mit `liste connectors` sehen Sie die aktuellen.',
    badRequest: 'Microsoft Graph hat die Abfrage als ungültig abgelehnt; bitte mit der Request-ID melden.',
    throttled: 'Intune drosselt gerade Anfragen, daher konnte ich die Connectors nicht abfragen.',
    unavailable:
      'Intune ist vorübergehend nicht verfügbar, daher konnte ich die Connectors nicht abfragen. Bitte in einigen Minuten erneut versuchen.',
    serverError:
      'Intune hat beim Abfragen der Connectors einen internen Fehler gemeldet. Bitte in einigen Minuten erneut versuchen.',
    unreachable:
      'Microsoft Graph ist nicht erreichbar, daher konnte ich die Connectors nicht abfragen. Bitte gleich erneut versuchen.',
    noAnswer:
      'Microsoft Graph hat nicht rechtzeitig geantwortet, daher konnte ich die Connectors nicht abfragen. Bitte gleich erneut versuchen.',
  },
  retryAfter: (seconds) =>
    seconds >= 90
      ? `Intune bittet, ${Math.round(seconds / 60)} Minuten (${seconds} s) zu warten.`
      : `Intune bittet, ${seconds} s zu warten.`,

  listTitle: (count) => `${count} Exchange-Connector${count === 1 ? '' : 's'}`,
  listShowing: (from, to, total) => `Angezeigt: ${from}–${to} von ${total}.`,
  listTruncated: (shown) => `Graph lieferte immer weitere Seiten; angezeigt werden die ersten ${shown}.`,
  listEmpty:
    'Dieser Mandant hat keine Intune-Exchange-Connectors. (Microsoft hat den Support für den lokalen Connector am 19. Februar 2024 beendet.)',
  showMore: 'Mehr anzeigen',
  showPrevious: 'Zurück',
  statusTitle: (name) => md`Exchange-Connector ${name}`,
  chooseSyncTitle: (name) => md`Welche Synchronisierung für ${name}?`,
  ambiguousTitle: (query, count) => md`${String(count)} Connectors passen zu „${quoteOf(query)}“. Bitte einen wählen:`,
  unknownConnector: (query) => md`Ich habe keinen Exchange-Connector namens „${quoteOf(query)}“ gefunden.`,
  didYouMean: (name) => md`Meinten Sie ${strong(name)}?`,
  knownConnectors: 'Bekannte Connectors:',
  noConnectors: 'Dieser Mandant hat keine Exchange-Connectors.',

  historyTitle: (name) => md`Letzte Synchronisierungsanfragen für ${name}`,
  historyEmpty: 'Für diesen Connector wurde über diesen Bot noch keine Synchronisierung angefordert.',
  historyLine: (when, who, type, outcome) => md`${when} · ${who} · ${type} · ${outcome}`,
  outcomeName: {
    requested: 'Angefordert',
    refused: (reason) => `Nicht angenommen (${reason})`,
    unknown: 'Ergebnis unbekannt',
  },

  buttons: {
    status: 'Status',
    history: 'Verlauf',
    retry: 'Erneut versuchen',
    askAgain: 'Erneut anfragen',
    sync: 'Synchronisieren…',
    dashboard: 'Dashboard öffnen',
    refresh: 'Aktualisieren',
  },

  helpTitle: 'Connector Sync',
  helpIntro:
    'Ich starte Synchronisierungen Ihrer Intune-Exchange-Connectors, mit Ihren eigenen Berechtigungen. Vor jeder Synchronisierung frage ich nach.',
  thanksReply: 'Gern geschehen. Ich bin da, wenn die nächste Synchronisierung ansteht.',
  greeting:
    'Hallo! Ich starte Synchronisierungen Ihrer Intune-Exchange-Connectors, mit Ihren eigenen Berechtigungen. Zum Beispiel: `synchronisiere connector CAS01 vollständig` oder `liste connectors`.',
  nothingToCancel: 'Es gibt nichts abzubrechen: in diesem Chat wartet keine Synchronisierung auf Ihre Bestätigung.',
  confirmWithButton:
    'Synchronisierungen starten mit der Schaltfläche auf einer Bestätigungskarte, nie mit einem getippten Wort. Fragen Sie zum Beispiel: `synchronisiere connector CAS01 vollständig`.',
  confirmWithButtonPending: (name, syncType) =>
    md`Zum Starten wählen Sie **${syncType === 'fullSync' ? 'Vollständig' : 'Delta'} synchronisieren** auf Ihrer Karte für ${name} oben: ein getipptes Wort startet nie eine Synchronisierung.`,
  cancelledText: (cancelled) =>
    md`Abgebrochen: ${joined(
      cancelled.map(
        ({ name, syncType }) =>
          md`Ihre ${syncType === 'fullSync' ? 'vollständige ' : 'Delta-'}Synchronisierung von ${name}`,
      ),
      'und',
    )}. Es wurde nichts synchronisiert.`,
  oneAtATimeAll:
    'Synchronisiert wird ein Connector nach dem anderen, jeder mit eigener Bestätigung. Bitte unten einen wählen.',
  oneAtATime: (names) =>
    md`Eine Synchronisierung nach der anderen, jede mit eigener Bestätigung. Bitte einen wählen: ${names}.`,
  didYouMeanSync: (command) => md`Meinten Sie ${strong(command)}?`,
  notUnderstood: (text) => md`Das habe ich leider nicht verstanden: „${quoteOf(text)}“.`,
  didYouMeanCommand: (command) => md`Meinten Sie ${strong(command)}?`,
  missingTarget: (command) =>
    command === 'sync'
      ? 'Welcher Connector? Zum Beispiel: `synchronisiere connector CAS01 vollständig`. `liste connectors` zeigt alle.'
      : `Welcher Connector? Zum Beispiel: \`${command === 'history' ? 'verlauf' : 'status'} CAS01\`.`,
  unknownSyncType: (word) =>
    md`„${quoteOf(word)}“ ist keine Synchronisierungsart. Verwenden Sie \`vollständig\` oder \`delta\`.`,
  invalidAction: 'Diese Schaltfläche enthält keine gültige Anfrage. Bitte den Befehl erneut eingeben.',
  unexpectedError: 'Bei mir ist etwas schiefgelaufen; es wurde nichts synchronisiert. Bitte erneut versuchen.',
  storageUnavailable:
    'Ich erreiche meinen Speicher gerade nicht; es wurde nichts geändert und nichts synchronisiert. Bitte in einer Minute erneut versuchen.',
  tokenServiceUnavailable:
    'Ich erreiche den Anmeldedienst von Teams gerade nicht; es wurde nichts geändert und nichts synchronisiert. Bitte in einer Minute erneut versuchen.',
  storageFull:
    'Ich bearbeite gerade zu viel auf einmal; es wurde nichts geändert und nichts synchronisiert. Bitte in einigen Minuten erneut versuchen.',

  signInButton: 'Anmelden',
  signInText:
    'Bitte melden Sie sich an, damit ich mit Ihren eigenen Intune-Berechtigungen handeln kann. Danach mache ich dort weiter, wo Sie aufgehört haben.',
  signedOut: 'Sie sind abgemeldet. Beim nächsten Mal bitte ich Sie erneut um Anmeldung.',
  nothingToSignOut: 'Dieser Bot läuft im lokalen Modus mit einem Entwicklungstoken; es gibt nichts abzumelden.',
  signInFailed:
    'Die Anmeldung wurde nicht abgeschlossen. Geben Sie den Befehl erneut ein, um eine neue Anmeldekarte zu erhalten.',
  signInResourceMismatch:
    'Die Anmeldung ist fehlgeschlagen, weil die App-Registrierung des Bots nicht zu seiner Teams-App passt: der Anwendungs-ID-URI muss api://<Bot-Domäne>/botid-<App-ID> lauten. Bitte wenden Sie sich an Ihre Teams-Administration.',
  signInStillRefused:
    'Microsoft Graph lehnt Ihre Anmeldung weiterhin ab. Prüfen Sie, ob Ihr Konto eine Intune-Administratorrolle hat und die Administratorzustimmung für DeviceManagementServiceConfig.ReadWrite.All erteilt wurde.',

  tab: {
    title: 'Exchange-Connectors',
    refresh: 'Aktualisieren',
    loading: 'Connectors werden geladen…',
    localMode:
      'Lokaler Modus: Sie handeln als lokaler Benutzer mit dem Entwicklungstoken, auf dem eingebauten Graph-Simulator.',
    notInTeams:
      'Öffnen Sie diese Seite als Registerkarte „Connectors“ der App Connector Sync in Teams: dort werden Sie angemeldet.',
    notConfigured:
      'Das Dashboard ist für diesen Bot noch nicht eingerichtet (BOT_DOMAIN fehlt). Der Chat funktioniert wie bisher.',
    signInFailed:
      'Ihre Anmeldung konnte nicht geprüft werden. Laden Sie die Registerkarte neu; passiert es wieder, wenden Sie sich an Ihre Teams-Administration.',
    forbidden: 'Dieses Dashboard steht Ihrer Organisation oder Ihrem Konto nicht zur Verfügung.',
    consentNeeded:
      'Die App braucht Ihre Zustimmung (oder die einer Administration), um mit Ihren Berechtigungen in Intune zu handeln.',
    consentButton: 'Zustimmen',
    empty: 'Dieser Mandant hat keine Exchange-Connectors in Intune.',
    emptyOnPremises:
      'Der lokale Exchange-Connector von Intune wird seit dem 19. Februar 2024 nicht mehr unterstützt; Mandanten, die ihn nutzten, haben keinen mehr zu synchronisieren.',
    truncated: 'Graph hat mehr Connectors, als hier gezeigt werden.',
    columns: {
      connector: 'Connector',
      status: 'Status',
      type: 'Typ',
      server: 'Server',
      version: 'Version',
      lastSync: 'Letzte Synchronisierung',
      latest: 'Letzte Anfrage',
      actions: 'Aktionen',
    },
    fullSync: 'Vollständig',
    deltaSync: 'Delta',
    history: 'Verlauf',
    hideHistory: 'Verlauf ausblenden',
    historyEmpty: 'Über diesen Bot wurde noch keine Synchronisierung angefordert.',
    confirmQuestion: 'Diese Synchronisierung starten?',
    confirm: 'Bestätigen',
    cancel: 'Abbrechen',
    working: 'Wird gesendet…',
    noRequests: 'noch keine',
    requestId: 'Graph-Anforderungs-ID',
    byWhom: 'von',
    failed: 'Das hat nicht geklappt. Dadurch wurde nichts synchronisiert; bitte versuchen Sie es erneut.',
    following: 'Verfolgt seit {since} · zuletzt geprüft {checked}',
    notChecked: 'noch nicht',
    followedByPage:
      'Verfolgt, solange dieses Dashboard geöffnet ist. Ist es geschlossen, schreiben Sie „status {name}“ im Chat.',
    dismiss: 'Schließen',
    graphSignIn:
      'Microsoft Graph hat Ihre Anmeldung nicht angenommen, daher wurde nichts synchronisiert. Laden Sie die Registerkarte neu, um sich erneut anzumelden, und starten Sie die Synchronisierung dann noch einmal.',
  },
  alerts: deAlerts,
};
