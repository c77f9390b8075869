import type { Messages } from './messages';

export const de: Messages = {
  syncTypeName: { fullSync: 'Vollständige Synchronisierung', deltaSync: 'Deltasynchronisierung (Schnellsynchronisierung)' },
  syncTypeExplained: {
    fullSync: 'Liest alle Postfachgeräte neu aus Exchange. Dauert länger; sinnvoll nach Richtlinienänderungen oder einem Ausfall.',
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
    id: 'ID',
    version: 'Version',
    organization: 'Organisation',
  },

  confirmTitle: 'Diesen Exchange-Connector synchronisieren?',
  confirmAskedBy: (name) => `Angefordert von ${name}. Nur ${name} kann starten oder abbrechen.`,
  confirmExpires: (minutes) => `Diese Bestätigung läuft in ${minutes} Minute${minutes === 1 ? '' : 'n'} ab.`,
  sending: 'Die Synchronisierung wird bei Intune angefordert…',
  requestedTitle: (syncType) =>
    `${syncType === 'fullSync' ? 'Vollständige Synchronisierung' : 'Deltasynchronisierung'} angefordert`,
  requestedBy: (name, when) => `Angefordert von ${name} am ${when}.`,
  requestedNext: (command) => `Intune synchronisiert im Hintergrund. Mit \`${command}\` sehen Sie, wann sie fertig ist.`,
  failedTitle: 'Die Synchronisierung wurde nicht angefordert',
  cancelledTitle: 'Abgebrochen',
  cancelledBy: (name, when) => `Abgebrochen von ${name} am ${when}. Es wurde nichts synchronisiert.`,
  expiredTitle: 'Diese Bestätigung ist abgelaufen',
  expiredText: (command) => `Es wurde nichts synchronisiert. Geben Sie \`${command}\` ein, um erneut anzufragen.`,
  alreadyHandled: 'Diese Anfrage wurde bereits bearbeitet; es wurde nichts erneut gesendet.',
  notRequester: (name) => `Nur ${name}, der/die diese Synchronisierung angefordert hat, kann sie starten oder abbrechen.`,
  confirmationNotFound: 'Diese Bestätigung finde ich nicht mehr. Geben Sie den Befehl erneut ein.',
  graphRequestId: (id) => `Graph-Request-ID: ${id}`,
  graphFailure: {
    unauthorized: 'Microsoft Graph hat Ihre Anmeldung nicht akzeptiert (vielleicht abgelaufen). Bitte erneut anmelden und wiederholen.',
    forbidden:
      'Microsoft Graph hat abgelehnt: Sie benötigen die Berechtigung DeviceManagementServiceConfig.ReadWrite.All und eine Intune-Administratorrolle. Wenden Sie sich an Ihre Intune-Administration.',
    notFound: 'Diesen Connector gibt es in Intune nicht mehr. Mit `list connectors` sehen Sie die aktuellen.',
    badRequest: 'Microsoft Graph hat die Anfrage als ungültig abgelehnt. Es wurde nichts synchronisiert; bitte mit der Request-ID melden.',
    throttled: 'Intune drosselt gerade Anfragen. Es wurde nichts synchronisiert; bitte in einer Minute erneut versuchen.',
    unavailable: 'Intune ist vorübergehend nicht verfügbar. Es wurde nichts synchronisiert; bitte in einigen Minuten erneut versuchen.',
    unreachable: 'Microsoft Graph ist nicht erreichbar. Es wurde nichts synchronisiert; bitte gleich erneut versuchen.',
  },
  retryAfter: (seconds) => `Intune bittet, ${seconds} s zu warten.`,

  listTitle: (count) => `${count} Exchange-Connector${count === 1 ? '' : 's'}`,
  listEmpty:
    'Dieser Mandant hat keine Intune-Exchange-Connectors. (Microsoft hat den Support für den lokalen Connector am 19. Februar 2024 beendet.)',
  statusTitle: (name) => `Exchange-Connector ${name}`,
  chooseSyncTitle: (name) => `Welche Synchronisierung für ${name}?`,
  ambiguousTitle: (query, count) => `${count} Connectors passen zu „${query}“. Bitte einen wählen:`,
  unknownConnector: (query) => `Ich habe keinen Exchange-Connector namens „${query}“ gefunden.`,
  didYouMean: (name) => `Meinten Sie **${name}**?`,
  knownConnectors: 'Bekannte Connectors:',
  noConnectors: 'Dieser Mandant hat keine Exchange-Connectors.',

  historyTitle: (name) => `Letzte Synchronisierungsanfragen für ${name}`,
  historyEmpty: 'Für diesen Connector wurde über diesen Bot noch keine Synchronisierung angefordert.',
  historyColumns: { when: 'Wann', who: 'Wer', type: 'Art', outcome: 'Ergebnis' },
  outcomeRequested: 'Angefordert',
  outcomeFailed: (reason) => `Fehlgeschlagen (${reason})`,

  helpTitle: 'Connector Sync',
  helpIntro:
    'Ich starte Synchronisierungen Ihrer Intune-Exchange-Connectors, mit Ihren eigenen Berechtigungen. Vor jeder Synchronisierung frage ich nach.',
  helpCommands: [
    { example: 'synchronisiere connector CAS01 vollständig', text: 'Vollständige Synchronisierung (Alias, Servername oder ID; ein eindeutiger Anfang genügt)' },
    { example: 'synchronisiere connector CAS01 delta', text: 'Delta-/Schnellsynchronisierung' },
    { example: 'list connectors', text: 'Alle Connectors mit Status und letzter Synchronisierung' },
    { example: 'status CAS01', text: 'Details eines Connectors' },
    { example: 'verlauf CAS01', text: 'Die letzten zehn Synchronisierungsanfragen: wer, wann, Ergebnis' },
    { example: 'sync connector "Munich Exchange" full', text: 'Anführungszeichen für Namen mit Leerzeichen' },
  ],
  notUnderstood: (text) => `Das habe ich leider nicht verstanden: „${text}“.`,
  didYouMeanCommand: (command) => `Meinten Sie \`${command}\`?`,
  missingTarget: (command) =>
    command === 'sync'
      ? 'Welcher Connector? Zum Beispiel: `synchronisiere connector CAS01 vollständig`. `list connectors` zeigt alle.'
      : `Welcher Connector? Zum Beispiel: \`${command === 'history' ? 'verlauf' : 'status'} CAS01\`.`,
  unknownSyncType: (word) => `„${word}“ ist keine Synchronisierungsart. Verwenden Sie \`vollständig\` oder \`delta\`.`,
  extraWords: (words) =>
    `„${words}“ habe ich dort nicht erwartet. Namen mit Leerzeichen bitte in Anführungszeichen: \`synchronisiere connector "Munich Exchange" vollständig\`.`,
  invalidAction: 'Diese Schaltfläche enthält keine gültige Anfrage. Bitte den Befehl erneut eingeben.',
  unexpectedError: 'Bei mir ist etwas schiefgelaufen; es wurde nichts synchronisiert. Bitte erneut versuchen.',
  storageUnavailable: 'Ich erreiche meinen Speicher gerade nicht; es wurde nichts geändert und nichts synchronisiert. Bitte in einer Minute erneut versuchen.',

  signInButton: 'Anmelden',
  signInText: 'Bitte melden Sie sich an, damit ich mit Ihren eigenen Intune-Berechtigungen handeln kann. Danach mache ich dort weiter, wo Sie aufgehört haben.',
  signedOut: 'Sie sind abgemeldet. Beim nächsten Mal bitte ich Sie erneut um Anmeldung.',
  nothingToSignOut: 'Dieser Bot läuft im lokalen Modus mit einem Entwicklungstoken; es gibt nichts abzumelden.',
  signInFailed: 'Die Anmeldung wurde nicht abgeschlossen. Geben Sie den Befehl erneut ein, um eine neue Anmeldekarte zu erhalten.',
  signInResourceMismatch:
    'Die Anmeldung ist fehlgeschlagen, weil die App-Registrierung des Bots nicht zu seiner Teams-App passt: der Anwendungs-ID-URI muss api://botid-<App-ID> lauten. Bitte wenden Sie sich an Ihre Teams-Administration.',
  signInStillRefused:
    'Microsoft Graph lehnt Ihre Anmeldung weiterhin ab. Prüfen Sie, ob Ihr Konto eine Intune-Administratorrolle hat und die Administratorzustimmung für DeviceManagementServiceConfig.ReadWrite.All erteilt wurde.',
};
