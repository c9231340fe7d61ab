"""The command line's German: every message of :mod:`timeclock.cli`, argparse's own words,
and the help of every option, by their English text (see :mod:`timeclock.cli.i18n`).

A placeholder in braces (``{time}``, or argparse's ``%(prog)s``) stays as it is; the German
may put it elsewhere. tests/cli/test_german.py fails on a message without its German here,
and on German that loses a placeholder.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

# argparse's own words, of every Python version TimeClock runs on (a newer one may add
# some: tests/cli/test_german.py says which).
ARGPARSE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "usage: ": "Aufruf: ",
        "positional arguments": "Argumente",
        "options": "Optionen",
        "show this help message and exit": "diese Hilfe zeigen und beenden",
        "argument %(argument_name)s: %(message)s": "Argument %(argument_name)s: %(message)s",
        "unrecognized arguments: %s": "unbekannte Argumente: %s",
        "ambiguous option: %(option)s could match %(matches)s": (
            "mehrdeutige Option: %(option)s passt zu %(matches)s"
        ),
        "invalid choice: %(value)r (choose from %(choices)s)": (
            "ungültige Wahl: %(value)r (möglich: %(choices)s)"
        ),
        "expected one argument": "ein Wert erwartet",
        "expected at most one argument": "höchstens ein Wert erwartet",
        "expected at least one argument": "mindestens ein Wert erwartet",
        "expected %s argument": "%s Wert erwartet",
        "expected %s arguments": "%s Werte erwartet",
        "invalid %(type)s value: %(value)r": "ungültiger %(type)s-Wert: %(value)r",
        "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
        "the following arguments are required: %s": "diese Argumente fehlen: %s",
        "one of the arguments %s is required": "eines der Argumente %s wird gebraucht",
        "not allowed with argument %s": "nicht zusammen mit Argument %s",
        "unexpected option string: %s": "unerwartete Option: %s",
        "ignored explicit argument %r": "Wert %r wird ignoriert",
        "can't open '%(filename)s': %(error)s": "'%(filename)s' lässt sich nicht öffnen: %(error)s",
        "unknown parser %(parser_name)r (choices: %(choices)s)": (
            "unbekannter Befehl %(parser_name)r (möglich: %(choices)s)"
        ),
        # (argparse's words for mistakes in a program's own parser, not a person's)
        "conflicting option string: %s": "widersprüchliche Option: %s",
        "conflicting option strings: %s": "widersprüchliche Optionen: %s",
        ".__call__() not defined": ".__call__() nicht definiert",
        "'required' is an invalid argument for positionals": (
            "'required' ist für Argumente ohne Option ungültig"
        ),
        "mutually exclusive arguments must be optional": (
            "sich ausschließende Argumente müssen optional sein"
        ),
        "%r is not callable": "%r ist nicht aufrufbar",
        "cannot merge actions - two groups are named %r": (
            "Aktionen lassen sich nicht zusammenführen: zwei Gruppen heißen %r"
        ),
        "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
            "ungültige Option %(option)r: muss mit einem Zeichen aus %(prefix_chars)r beginnen"
        ),
        "dest= is required for options like %r": "dest= wird für Optionen wie %r gebraucht",
        "invalid conflict_resolution value: %r": "ungültiger Wert für conflict_resolution: %r",
        "cannot have multiple subparser arguments": "nur ein Befehlsargument ist möglich",
        "conflicting subparser: %s": "widersprüchlicher Befehl: %s",
        "conflicting subparser alias: %s": "widersprüchlicher Befehlsname: %s",
        'argument "-" with mode %r': 'Argument "-" mit Modus %r',
    }
)

# The command line's own messages and help texts.
MESSAGES: Final[Mapping[str, str]] = MappingProxyType(
    {
        # -- the parser: descriptions, sections, help texts -------------------------------
        "A time clock for TimeTrack: stamp in and out, take breaks, list and correct "
        "attendance entries.": (
            "Eine Stempeluhr für TimeTrack: kommen und gehen, Pausen machen, "
            "Anwesenheiten auflisten und korrigieren."
        ),
        "Secrets are never taken as options: use 'timeclock login' (OS keyring) or "
        "TIMECLOCK_API_KEY and TIMECLOCK_API_SECRET.": (
            "Geheimnisse gibt es nie als Option: 'timeclock login' (Schlüsselbund des "
            "Systems) oder TIMECLOCK_API_KEY und TIMECLOCK_API_SECRET verwenden."
        ),
        "connection": "Verbindung",
        "TimeTrack account name or API URL (else TIMECLOCK_URL, settings)": (
            "TimeTrack-Kontoname oder API-URL (sonst TIMECLOCK_URL, Einstellungen)"
        ),
        "TimeTrack user name (else TIMECLOCK_USER, settings)": (
            "TimeTrack-Benutzername (sonst TIMECLOCK_USER, Einstellungen)"
        ),
        "use a built-in sandbox with demo data instead of TimeTrack": (
            "eingebaute Sandbox mit Demodaten statt TimeTrack verwenden"
        ),
        "log details (never secrets) to stderr and the log file in the data folder": (
            "Einzelheiten (nie Geheimnisse) auf stderr und in die Logdatei im Datenordner schreiben"
        ),
        "open the shared terminal: full screen, employees stamp by name, personal number "
        "or badge (needs an administrator PIN, see 'timeclock terminal-pin')": (
            "das gemeinsame Terminal öffnen: Vollbild, Mitarbeitende stempeln mit Namen, "
            "Personalnummer oder Ausweis (braucht eine Administrator-PIN, siehe "
            "'timeclock terminal-pin')"
        ),
        "show the version and exit": "die Version zeigen und beenden",
        "save account and user, and the API key and secret in the OS keyring": (
            "Konto und Benutzer speichern, API-Schlüssel und -Geheimnis im Schlüsselbund "
            "des Systems"
        ),
        "remove the saved API key and secret from the OS keyring": (
            "gespeicherten API-Schlüssel und -Geheimnis aus dem Schlüsselbund entfernen"
        ),
        "show whether you are stamped in, and the time worked so far": (
            "zeigen, ob Sie eingestempelt sind, und die bisherige Arbeitszeit"
        ),
        "stamp in (start work) or out (end work)": (
            "einstempeln (Arbeitsbeginn) oder ausstempeln (Arbeitsende)"
        ),
        "start or end a break": "eine Pause beginnen oder beenden",
        "list entries of local calendar days (default: this month)": (
            "Einträge örtlicher Kalendertage auflisten (ohne Angabe: dieser Monat)"
        ),
        "find what needs a correction on local calendar days (default: this month): "
        "entries open since an earlier day, overlapping or in the future, and work against "
        "the German Working Hours Act (over 10 h a day, too short a break or rest, Sundays, "
        "holidays)": (
            "finden, was an örtlichen Kalendertagen korrigiert werden muss (ohne Angabe: "
            "dieser Monat): seit einem früheren Tag offene, überlappende oder künftige "
            "Einträge und Arbeit gegen das Arbeitszeitgesetz (über 10 Std. am Tag, zu kurze "
            "Pause oder Ruhezeit, Sonntage, Feiertage)"
        ),
        "write the monthly report for payroll: each day's start, end, break, worked time, "
        "target and difference, as CSV (for German Excel), XLSX or a PDF timesheet to "
        "sign": (
            "den Monatsbericht für die Lohnabrechnung schreiben: je Tag Beginn, Ende, Pause, "
            "Arbeitszeit, Soll und Differenz, als CSV (für deutsches Excel), XLSX oder "
            "PDF-Stundenzettel zum Unterschreiben"
        ),
        "show one entry": "einen Eintrag zeigen",
        "add an entry by hand (T: ISO date-time, local unless it has an offset)": (
            "einen Eintrag von Hand anlegen (T: ISO-Datum und -Uhrzeit, örtlich, wenn ohne Versatz)"
        ),
        "change an entry (only the given fields)": (
            "einen Eintrag ändern (nur die angegebenen Felder)"
        ),
        "delete an entry": "einen Eintrag löschen",
        "list the corrections made from this computer: who changed which entry when, from "
        "what to what, and why (oldest first)": (
            "die Korrekturen von diesem Computer auflisten: wer welchen Eintrag wann von was "
            "zu was geändert hat, und warum (älteste zuerst)"
        ),
        "send the changes waiting on this computer to TimeTrack": (
            "die auf diesem Computer wartenden Änderungen an TimeTrack senden"
        ),
        "list the changes waiting on this computer; retry or discard one": (
            "die auf diesem Computer wartenden Änderungen auflisten; eine erneut senden "
            "oder verwerfen"
        ),
        "with --demo: start the demo over (its entries, breaks and waiting changes)": (
            "mit --demo: die Demo neu beginnen (ihre Einträge, Pausen und wartenden Änderungen)"
        ),
        "run a local TimeTrack-compatible server for trying and testing": (
            "einen lokalen TimeTrack-kompatiblen Server zum Ausprobieren und Testen starten"
        ),
        "Run a local TimeTrack-compatible server for trying and testing.": (
            "Einen lokalen TimeTrack-kompatiblen Server zum Ausprobieren und Testen starten."
        ),
        "save without trying the credentials against the server": (
            "speichern, ohne die Zugangsdaten am Server zu prüfen"
        ),
        "in: start work now; out: end work now": (
            "in: jetzt Arbeit beginnen; out: jetzt Arbeit beenden"
        ),
        "start: begin a break now; end: end it now": (
            "start: jetzt eine Pause beginnen; end: sie jetzt beenden"
        ),
        "first local day, YYYY-MM-DD": "erster örtlicher Tag, JJJJ-MM-TT",
        "last local day, YYYY-MM-DD (included)": "letzter örtlicher Tag, JJJJ-MM-TT (mit)",
        "a named range instead of --from/--to": "ein benannter Zeitraum statt --from/--to",
        "entries of every user": "Einträge aller Benutzer",
        "table for people (default); json or csv with TimeTrack's field names": (
            "table zum Lesen (Standard); json oder csv mit den Feldnamen von TimeTrack"
        ),
        "entries of every user (not with --user)": "Einträge aller Benutzer (nicht mit --user)",
        "German state whose public holidays count, e.g. BY or NW (else the settings' "
        "state; with none, holidays are not checked)": (
            "Bundesland, dessen Feiertage zählen, z. B. BY oder NW (sonst das der "
            "Einstellungen; ohne eines werden Feiertage nicht geprüft)"
        ),
        "table (default) or json": "table (Standard) oder json",
        "the calendar month": "der Kalendermonat",
        "or from this local day": "oder ab diesem örtlichen Tag",
        "to this one (included)": "bis zu diesem (mit)",
        "every employee (not with --user)": "alle Mitarbeitenden (nicht mit --user)",
        "csv (for German Excel), xlsx (a workbook) or pdf (a timesheet to sign)": (
            "csv (für deutsches Excel), xlsx (eine Arbeitsmappe) oder pdf (ein "
            "Stundenzettel zum Unterschreiben)"
        ),
        "the file to write (readable by you only)": "die zu schreibende Datei (nur für Sie lesbar)",
        "the words of the report (else the settings' language, else the system's)": (
            "die Sprache des Berichts (sonst die der Einstellungen, sonst die des Systems)"
        ),
        "the entry's id (see 'timeclock list')": "die ID des Eintrags (siehe 'timeclock list')",
        "the start": "der Beginn",
        "the end": "das Ende",
        "the break in whole minutes (default 0)": "die Pause in ganzen Minuten (Standard 0)",
        "a note on the entry": "eine Notiz zum Eintrag",
        "the new start": "der neue Beginn",
        "the new end": "das neue Ende",
        "the new break in whole minutes": "die neue Pause in ganzen Minuten",
        "the new note ('' removes it)": "die neue Notiz ('' entfernt sie)",
        "why (required to change or delete another user's entry; kept in the journal)": (
            "warum (nötig, um den Eintrag eines anderen Benutzers zu ändern oder zu löschen; "
            "steht im Journal)"
        ),
        "do not ask for confirmation": "nicht nachfragen",
        "of this entry only": "nur dieses Eintrags",
        "made on or after this local day, YYYY-MM-DD": (
            "gemacht an oder nach diesem örtlichen Tag, JJJJ-MM-TT"
        ),
        "made on or before this local day, YYYY-MM-DD (included)": (
            "gemacht an oder vor diesem örtlichen Tag, JJJJ-MM-TT (mit)"
        ),
        "keep trying this long while TimeTrack cannot be reached": (
            "so lange weiter versuchen, während TimeTrack nicht erreichbar ist"
        ),
        "retry: send a held change again; discard: drop it (without: list what waits)": (
            "retry: eine zurückgehaltene Änderung erneut senden; discard: sie verwerfen "
            "(ohne: auflisten, was wartet)"
        ),
        "the change's number in the list": "die Nummer der Änderung in der Liste",
        # the shared terminal's PINs (timeclock terminal-pin)
        "set the shared terminal's PINs (administrator, employees) and whether employees "
        "need one": (
            "die PINs des gemeinsamen Terminals festlegen (Administrator, Mitarbeitende) und "
            "ob Mitarbeitende eine brauchen"
        ),
        "The PINs of the shared terminal (timeclock --terminal), kept on this computer as "
        "salted hashes only.": (
            "Die PINs des gemeinsamen Terminals (timeclock --terminal), auf diesem Computer "
            "nur als gesalzene Hashes gespeichert."
        ),
        "set (or change) an employee's PIN, or with --admin the administrator's": (
            "die PIN eines Mitarbeitenden festlegen (oder ändern), mit --admin die des "
            "Administrators"
        ),
        "remove an employee's PIN": "die PIN eines Mitarbeitenden entfernen",
        "whether employees confirm each stamp at the terminal with their PIN": (
            "ob Mitarbeitende jeden Stempel am Terminal mit ihrer PIN bestätigen"
        ),
        "who has a PIN, and whether PINs are asked for": (
            "wer eine PIN hat und ob PINs abgefragt werden"
        ),
        "Set an employee's PIN (or the administrator's, which leaving the terminal mode "
        "asks for). The PIN is asked for twice, without echo.": (
            "Die PIN eines Mitarbeitenden festlegen (oder die des Administrators, nach der "
            "das Verlassen des Terminalmodus fragt). Die PIN wird zweimal verdeckt abgefragt."
        ),
        "the employee's user name": "der Benutzername des Mitarbeitenden",
        "the administrator's PIN instead of an employee's": (
            "die PIN des Administrators statt der eines Mitarbeitenden"
        ),
        "on: a PIN is asked for": "on: eine PIN wird abgefragt",
        # the sandbox's options
        "fault injection": "Fehler einspeisen",
        "server quirks": "Eigenheiten des Servers",
        "TLS": "TLS",
        "address to listen on": "Adresse, an der er lauscht",
        "port to listen on; 0 picks a free one (default 8080)": (
            "Port, an dem er lauscht; 0 wählt einen freien (Standard 8080)"
        ),
        "SQLite file to keep entries in (default: in memory)": (
            "SQLite-Datei für die Einträge (Standard: im Speicher)"
        ),
        "fill an empty store with 90 days of demo entries for 8 employees": (
            "einen leeren Speicher mit 90 Tagen Demoeinträgen für 8 Mitarbeitende füllen"
        ),
        "API key (default: generated)": "API-Schlüssel (Standard: erzeugt)",
        "API secret (default: generated)": "API-Geheimnis (Standard: erzeugt)",
        "list responses as a bare JSON array or as {'data': [...]} (default: array)": (
            "Listenantworten als bloßes JSON-Array oder als {'data': [...]} (Standard: array)"
        ),
        "share of requests that get a fault, spread evenly over all kinds (0.3 or 30%%)": (
            "Anteil der Anfragen mit einem Fehler, gleich über alle Arten verteilt (0.3 oder 30%%)"
        ),
        "share of requests that get this fault (repeatable; overrides --fault-rate for "
        "KIND); kinds: 500, 503, 429, cut, commit-then-cut, malformed-json, "
        "wrong-content-type, truncated-body; latency=RATE delays only that share of "
        "requests": (
            "Anteil der Anfragen mit diesem Fehler (wiederholbar; ersetzt --fault-rate für "
            "KIND); Arten: 500, 503, 429, cut, commit-then-cut, malformed-json, "
            "wrong-content-type, truncated-body; latency=RATE verzögert nur diesen Anteil"
        ),
        "delay requests by MS milliseconds, or by a random time between the two": (
            "Anfragen um MS Millisekunden verzögern, oder um eine zufällige Zeit zwischen beiden"
        ),
        "seed for repeatable faults (default: a random one, shown in the banner)": (
            "Startwert für wiederholbare Fehler (Standard: ein zufälliger, im Banner gezeigt)"
        ),
        "the faults of the first requests, one per request, before the rates take over "
        "(none = no fault), e.g. none,cut cuts the second request": (
            "die Fehler der ersten Anfragen, einer je Anfrage, bevor die Anteile gelten "
            "(none = kein Fehler), z. B. bricht none,cut die zweite Anfrage ab"
        ),
        "faults (and the script's count) only for these HTTP methods, e.g. POST": (
            "Fehler (und die Zählung der Liste) nur für diese HTTP-Methoden, z. B. POST"
        ),
        "Retry-After of the 429 and 503 faults (default 1)": (
            "Retry-After der Fehler 429 und 503 (Standard 1)"
        ),
        "keep from/to to whole seconds and answer them without milliseconds": (
            "from/to auf ganze Sekunden halten und ohne Millisekunden beantworten"
        ),
        "store and answer user names in lower case; the user filter ignores case": (
            "Benutzernamen klein speichern und beantworten; der Benutzerfilter ignoriert "
            "Groß- und Kleinschreibung"
        ),
        "send every answer's body one byte at a time, this long apart": (
            "den Inhalt jeder Antwort Byte für Byte senden, in diesem Abstand"
        ),
        "fill every list page up to its limit with made-up entries of new ids": (
            "jede Listenseite bis zu ihrer Grenze mit erfundenen Einträgen neuer IDs füllen"
        ),
        "answer GET and PUT attendances/ID with the id ID+50": (
            "GET und PUT attendances/ID mit der ID ID+50 beantworten"
        ),
        "answer a POST with another user's name": (
            "einen POST mit dem Namen eines anderen Benutzers beantworten"
        ),
        "serve HTTPS with this certificate chain (holding the key too, unless --tls-key)": (
            "HTTPS mit dieser Zertifikatskette anbieten (die auch den Schlüssel enthält, "
            "außer mit --tls-key)"
        ),
        "the private key of --tls-cert": "der private Schlüssel zu --tls-cert",
        # the parser's checks of values
        "{prog}: error: {message} (see '{prog} --help')": (
            "{prog}: Fehler: {message} (siehe '{prog} --help')"
        ),
        "'{text}' is not a date like 2020-10-31": "'{text}' ist kein Datum wie 2020-10-31",
        "'{text}' is not a month like 2020-10": "'{text}' ist kein Monat wie 2020-10",
        "'{text}' is not a date-time like 2020-10-05T08:00 or 2020-10-05T06:00Z": (
            "'{text}' ist keine Datums- und Uhrzeitangabe wie 2020-10-05T08:00 oder "
            "2020-10-05T06:00Z"
        ),
        "'{text}' is not a whole number of minutes (digits 0 to 9)": (
            "'{text}' ist keine ganze Zahl von Minuten (Ziffern 0 bis 9)"
        ),
        "'{text}' is not a number of seconds (0 to 86400)": (
            "'{text}' ist keine Zahl von Sekunden (0 bis 86400)"
        ),
        "'{text}' is not an entry id (a whole number from 1 to {most})": (
            "'{text}' ist keine Eintrags-ID (eine ganze Zahl von 1 bis {most})"
        ),
        # -- running a command -------------------------------------------------------------
        "timeclock: error: {message}": "timeclock: Fehler: {message}",
        "timeclock: warning: {message}": "timeclock: Warnung: {message}",
        "interrupted": "abgebrochen",
        "{variable} must be a number of seconds above 0, not {text!r}": (
            "{variable} muss eine Zahl von Sekunden über 0 sein, nicht {text!r}"
        ),
        "details are in {file}": "Einzelheiten stehen in {file}",
        "run with --verbose for details": "mit --verbose gibt es Einzelheiten",
        "unexpected {error}; {details}": "unerwarteter Fehler {error}; {details}",
        "no display to open the window on; use a command (see --help)": (
            "kein Bildschirm für das Fenster; einen Befehl verwenden (siehe --help)"
        ),
        "cannot open the display {display} (no X server?); run 'timeclock {demo}list' for "
        "the terminal": (
            "der Bildschirm {display} lässt sich nicht öffnen (kein X-Server?); "
            "'timeclock {demo}list' zeigt es im Terminal"
        ),
        "the window cannot start here ({error}); use a command": (
            "das Fenster kann hier nicht starten ({error}); einen Befehl verwenden"
        ),
        "the terminal mode needs an administrator PIN to leave it; set one with "
        "'timeclock terminal-pin set --admin'": (
            "der Terminalmodus braucht eine Administrator-PIN, um ihn zu verlassen; mit "
            "'timeclock terminal-pin set --admin' festlegen"
        ),
        "--terminal opens the shared terminal and takes no command": (
            "--terminal öffnet das gemeinsame Terminal und nimmt keinen Befehl"
        ),
        "{error}; run 'timeclock login', or use --url/--user and TIMECLOCK_API_KEY/"
        "TIMECLOCK_API_SECRET (or try 'timeclock --demo')": (
            "{error}; 'timeclock login' ausführen oder --url/--user und TIMECLOCK_API_KEY/"
            "TIMECLOCK_API_SECRET verwenden (oder 'timeclock --demo' ausprobieren)"
        ),
        "{error}; fix or remove the file, or set TIMECLOCK_URL and TIMECLOCK_USER": (
            "{error}; die Datei reparieren oder entfernen, oder TIMECLOCK_URL und "
            "TIMECLOCK_USER setzen"
        ),
        "no TimeTrack account is set up": "kein TimeTrack-Konto eingerichtet",
        "no TimeTrack user name is set up": "kein TimeTrack-Benutzername eingerichtet",
        "no answer on standard input": "keine Antwort auf der Standardeingabe",
        # TimeTrack's troubles (cli/trouble.py)
        "TimeTrack rejected the API key or secret (HTTP {status}). Check them in TimeTrack "
        "under Settings / General / API; the secret may have been regenerated.": (
            "TimeTrack hat den API-Schlüssel oder das Geheimnis abgelehnt (HTTP {status}). "
            "Beide in TimeTrack unter Einstellungen / Allgemein / API prüfen; das Geheimnis "
            "wurde vielleicht neu erzeugt."
        ),
        "Entry {id} was not found on TimeTrack": "Eintrag {id} gibt es bei TimeTrack nicht",
        "The requested address was not found on TimeTrack": (
            "Die angefragte Adresse gibt es bei TimeTrack nicht"
        ),
        "HTTP {status} without a reason": "HTTP {status} ohne Grund",
        "TimeTrack refused the data: {reason}.": "TimeTrack hat die Daten abgelehnt: {reason}.",
        "TimeTrack asks to slow down (too many requests); try again shortly.": (
            "TimeTrack bittet um Geduld (zu viele Anfragen); gleich erneut versuchen."
        ),
        "TimeTrack had a server error (HTTP {status}){said}. Try again later.": (
            "TimeTrack hatte einen Serverfehler (HTTP {status}){said}. Später erneut versuchen."
        ),
        "TimeTrack at {host} did not answer in time; try again later.": (
            "TimeTrack unter {host} hat nicht rechtzeitig geantwortet; später erneut versuchen."
        ),
        "The TLS certificate of {host} is not trusted, so the connection was refused. Ask "
        "your administrator, or check the account URL.": (
            "Dem TLS-Zertifikat von {host} wird nicht vertraut, daher wurde die Verbindung "
            "abgelehnt. Bitte die Administration fragen oder die Konto-URL prüfen."
        ),
        "Cannot reach TimeTrack at {host}; check the network connection.": (
            "TimeTrack unter {host} ist nicht erreichbar; die Netzwerkverbindung prüfen."
        ),
        "The connection to {host} broke before the answer arrived; try again.": (
            "Die Verbindung zu {host} brach ab, bevor die Antwort kam; erneut versuchen."
        ),
        "The request to {host} was stopped: TimeClock is closing.": (
            "Die Anfrage an {host} wurde abgebrochen: TimeClock wird beendet."
        ),
        "an answer is needed": "eine Antwort wird gebraucht",
        "API key: ": "API-Schlüssel: ",
        "API secret: ": "API-Geheimnis: ",
        # -- the demo ------------------------------------------------------------------------
        "timeclock: the demo keeps its data in {folder}; 'timeclock --demo reset' starts it over": (
            "timeclock: die Demo behält ihre Daten in {folder}; 'timeclock --demo reset' "
            "beginnt sie neu"
        ),
        "only the demo can be reset: 'timeclock --demo reset'": (
            "nur die Demo lässt sich neu beginnen: 'timeclock --demo reset'"
        ),
        "The demo's data is gone; the next demo command starts over.": (
            "Die Daten der Demo sind gelöscht; der nächste Demo-Befehl beginnt neu."
        ),
        "The demo has no data yet; nothing to reset.": (
            "Die Demo hat noch keine Daten; nichts neu zu beginnen."
        ),
        "the demo is in use (is its window open?); close it and try again": (
            "die Demo ist in Gebrauch (ist ihr Fenster offen?); schließen und erneut versuchen"
        ),
        "another demo command is starting; try again": (
            "ein anderer Demo-Befehl startet gerade; erneut versuchen"
        ),
        "the demo needs no login": "die Demo braucht keine Anmeldung",
        "the demo has no saved login": "die Demo hat keine gespeicherte Anmeldung",
        # -- login and logout ------------------------------------------------------------
        "TimeTrack account name or API URL: ": "TimeTrack-Kontoname oder API-URL: ",
        "TimeTrack user name: ": "TimeTrack-Benutzername: ",
        "Saved: {user} at {url}; key and secret are in the OS keyring.": (
            "Gespeichert: {user} bei {url}; Schlüssel und Geheimnis liegen im Schlüsselbund "
            "des Systems."
        ),
        "Saved: {user} at {url}; key and secret are in the OS keyring (checked with the server).": (
            "Gespeichert: {user} bei {url}; Schlüssel und Geheimnis liegen im Schlüsselbund "
            "des Systems (am Server geprüft)."
        ),
        "No account is set up; nothing to remove.": (
            "Kein Konto eingerichtet; nichts zu entfernen."
        ),
        "Removed the key and secret for {url}.": "Schlüssel und Geheimnis für {url} entfernt.",
        "No key or secret was saved for {url}.": (
            "Für {url} waren kein Schlüssel und kein Geheimnis gespeichert."
        ),
        # -- status, stamps and breaks -------------------------------------------------------
        "Offline ({reason}); this is what this computer knows:": (
            "Offline ({reason}); das weiß dieser Computer:"
        ),
        "Not stamped in.": "Nicht eingestempelt.",
        "Today: worked {worked} h.": "Heute: {worked} Std. gearbeitet.",
        "Stamped in since {since}: worked {worked} h, break {break_time} h.": (
            "Eingestempelt seit {since}: {worked} Std. gearbeitet, {break_time} Std. Pause."
        ),
        "On a break since {time}.": "In der Pause seit {time}.",
        "Also stamped in: entry #{id} since {since} (stamped in twice, at two desks?). "
        "Close it with 'timeclock edit {id} --to TIME' or delete it.": (
            "Auch eingestempelt: Eintrag #{id} seit {since} (doppelt eingestempelt, an zwei "
            "Plätzen?). Mit 'timeclock edit {id} --to ZEIT' abschließen oder löschen."
        ),
        "Also stamped in: an entry not yet sent since {since}; see 'timeclock outbox'.": (
            "Auch eingestempelt: ein noch nicht gesendeter Eintrag seit {since}; siehe "
            "'timeclock outbox'."
        ),
        "{n} change not yet on TimeTrack; see 'timeclock outbox'.": (
            "{n} Änderung noch nicht bei TimeTrack; siehe 'timeclock outbox'."
        ),
        "{n} changes not yet on TimeTrack; see 'timeclock outbox'.": (
            "{n} Änderungen noch nicht bei TimeTrack; siehe 'timeclock outbox'."
        ),
        "Stamped in at {time}": "Eingestempelt um {time}",
        "Stamped out at {time}: worked {worked} h, break {break_time} h": (
            "Ausgestempelt um {time}: {worked} Std. gearbeitet, {break_time} Std. Pause"
        ),
        "(this computer's clock is {seconds} s behind the stamp in, so the entry ends one "
        "second after its start)": (
            "(die Uhr dieses Computers geht {seconds} s hinter dem Einstempeln, daher endet "
            "der Eintrag eine Sekunde nach seinem Beginn)"
        ),
        "Break started at {time} (breaks so far: {taken} h).": (
            "Pause begonnen um {time} (Pausen bisher: {taken} Std.)."
        ),
        "Break ended at {time} (breaks so far: {taken} h).": (
            "Pause beendet um {time} (Pausen bisher: {taken} Std.)."
        ),
        "already stamped in": "bereits eingestempelt",
        "not stamped in": "nicht eingestempelt",
        "a break is already running": "eine Pause läuft bereits",
        "no break is running": "keine Pause läuft",
        "since {moment}": "seit {moment}",
        # -- lists and entries -------------------------------------------------------------
        "Mon": "Mo",
        "Tue": "Di",
        "Wed": "Mi",
        "Thu": "Do",
        "Fri": "Fr",
        "Sat": "Sa",
        "Sun": "So",
        "ID": "ID",
        "User": "Benutzer",
        "Date": "Datum",
        "Start": "Beginn",
        "End": "Ende",
        "Break": "Pause",
        "Worked": "Gearbeitet",
        "Source": "Quelle",
        "Notes": "Notizen",
        "Start at": "Beginn bei",
        "End at": "Ende bei",
        "running": "läuft",
        "now (running)": "jetzt (läuft)",
        "manual": "manuell",
        "time clock": "Stempeluhr",
        "{user}: {day} {start}-{end}, break {break_time}, worked {worked}": (
            "{user}: {day} {start}-{end}, Pause {break_time}, gearbeitet {worked}"
        ),
        "{entries} on {days}: worked {worked} h, breaks {breaks} h": (
            "{entries} an {days}: {worked} Std. gearbeitet, {breaks} Std. Pausen"
        ),
        "{n} entry": "{n} Eintrag",
        "{n} entries": "{n} Einträge",
        "{n} day": "{n} Tag",
        "{n} days": "{n} Tagen",
        "* saved on this computer, not yet on TimeTrack ('timeclock outbox')": (
            "* auf diesem Computer gespeichert, noch nicht bei TimeTrack ('timeclock outbox')"
        ),
        "No entries from {first} to {last}.": "Keine Einträge vom {first} bis {last}.",
        "timeclock: TimeTrack cannot be reached ({reason}); these are the entries as last "
        "seen on {day} at {time}": (
            "timeclock: TimeTrack ist nicht erreichbar ({reason}); das sind die Einträge, "
            "wie sie zuletzt am {day} um {time} zu sehen waren"
        ),
        "--range cannot be combined with --from or --to": (
            "--range lässt sich nicht mit --from oder --to kombinieren"
        ),
        "--to ({last}) lies before --from ({first})": "--to ({last}) liegt vor --from ({first})",
        "the entry": "der Eintrag",
        "Added {entry}": "Angelegt: {entry}",
        "Changed {entry}": "Geändert: {entry}",
        "Deleted {entry}": "Gelöscht: {entry}",
        "nothing to change: give --from, --to, --break or --notes": (
            "nichts zu ändern: --from, --to, --break oder --notes angeben"
        ),
        "not deleting without confirmation; add --yes": (
            "ohne Bestätigung wird nicht gelöscht; --yes angeben"
        ),
        "Delete {entry}? [y/N] ": "{entry} löschen? [j/N] ",
        "Nothing deleted.": "Nichts gelöscht.",
        "the user name is missing": "der Benutzername fehlt",
        "the end lies before the start": "das Ende liegt vor dem Beginn",
        "the break cannot be negative": "die Pause kann nicht negativ sein",
        "the break is not shorter than the time from start to end": (
            "die Pause ist nicht kürzer als die Zeit von Beginn bis Ende"
        ),
        "an entry cannot be longer than 24 hours": (
            "ein Eintrag kann nicht länger als 24 Stunden sein"
        ),
        # -- the outbox: changes saved here, sent later --------------------------------------
        "{done} (entry #{id})": "{done} (Eintrag #{id})",
        "{done}.": "{done}.",
        "{done}, but TimeTrack refused it: {why}": "{done}, aber TimeTrack lehnte ab: {why}",
        "{done}, but not sent: {why}.": "{done}, aber nicht gesendet: {why}.",
        "It is held in the outbox: see 'timeclock outbox' to retry or discard it.": (
            "Die Änderung wird im Postausgang zurückgehalten: siehe 'timeclock outbox', um "
            "sie erneut zu senden oder zu verwerfen."
        ),
        "It is held in the outbox: look at the entry ('timeclock show'), then 'timeclock "
        "outbox retry' to send it anyway or 'timeclock outbox discard' to drop it.": (
            "Die Änderung wird im Postausgang zurückgehalten: den Eintrag ansehen "
            "('timeclock show'), dann mit 'timeclock outbox retry' trotzdem senden oder mit "
            "'timeclock outbox discard' verwerfen."
        ),
        "the entry was changed or deleted on TimeTrack since this edit began": (
            "der Eintrag wurde bei TimeTrack geändert oder gelöscht, seit diese Bearbeitung begann"
        ),
        "{done}; saved on this computer, not yet sent ({why}).": (
            "{done}; auf diesem Computer gespeichert, noch nicht gesendet ({why})."
        ),
        "'timeclock sync' sends it; 'timeclock outbox' shows what waits.": (
            "'timeclock sync' sendet sie; 'timeclock outbox' zeigt, was wartet."
        ),
        "{done}; saved on this computer, another TimeClock is sending it now.": (
            "{done}; auf diesem Computer gespeichert, ein anderes TimeClock sendet sie gerade."
        ),
        "{done}; saved on this computer, not yet on TimeTrack{reason}": (
            "{done}; auf diesem Computer gespeichert, noch nicht bei TimeTrack{reason}"
        ),
        "{changes} waiting; 'timeclock sync' sends them.": (
            "{changes} wartend; 'timeclock sync' sendet sie."
        ),
        "All changes are on TimeTrack ({count} sent now).": (
            "Alle Änderungen sind bei TimeTrack ({count} jetzt gesendet)."
        ),
        "another TimeClock is sending them right now": "ein anderes TimeClock sendet sie gerade",
        ", {count} of them held (see 'timeclock outbox')": (
            ", {count} davon zurückgehalten (siehe 'timeclock outbox')"
        ),
        "{changes} still waiting{held}{reason}": "{changes} noch wartend{held}{reason}",
        "no waiting change #{seq}; see 'timeclock outbox'": (
            "keine wartende Änderung #{seq}; siehe 'timeclock outbox'"
        ),
        "Change #{seq} will be sent again by the next 'timeclock sync'.": (
            "Änderung #{seq} wird beim nächsten 'timeclock sync' erneut gesendet."
        ),
        "never": "nie",
        "Nothing waits. Last delivery: {since}.": "Nichts wartet. Zuletzt gesendet: {since}.",
        "{changes} waiting. Last delivery: {since}.": (
            "{changes} wartend. Zuletzt gesendet: {since}."
        ),
        "Change #{seq} no longer waits; nothing was discarded.": (
            "Änderung #{seq} wartet nicht mehr; nichts wurde verworfen."
        ),
        "Change #{seq} had already reached TimeTrack as entry #{id} (its answer was lost), "
        "so it no longer waits here. To remove the entry from TimeTrack, use 'timeclock "
        "delete {id}'.": (
            "Änderung #{seq} war bereits als Eintrag #{id} bei TimeTrack angekommen (die "
            "Antwort ging verloren) und wartet hier nicht mehr. Um den Eintrag bei TimeTrack "
            "zu entfernen: 'timeclock delete {id}'."
        ),
        "Change #{seq} was discarded here, but an earlier send may already have reached "
        "TimeTrack ({why}); check 'timeclock list' before adding it again.": (
            "Änderung #{seq} wurde hier verworfen, aber ein früheres Senden kann TimeTrack "
            "schon erreicht haben ({why}); vor erneutem Anlegen 'timeclock list' prüfen."
        ),
        "Change #{seq} was discarded; TimeTrack will not get it.": (
            "Änderung #{seq} wurde verworfen; TimeTrack bekommt sie nicht."
        ),
        "create {user}: {start}-{end}": "anlegen {user}: {start}-{end}",
        "change {entry} ({fields})": "ändern {entry} ({fields})",
        "delete {entry}": "löschen {entry}",
        "entry {id}": "Eintrag {id}",
        "the new entry": "den neuen Eintrag",
        "HELD: {why}": "ZURÜCKGEHALTEN: {why}",
        "waiting": "wartet",
        "#{seq} {what}, queued {when} - {state}": "#{seq} {what}, eingereiht {when} - {state}",
        "{n} change": "{n} Änderung",
        "{n} changes": "{n} Änderungen",
        # -- check ---------------------------------------------------------------------------
        "--user and --all-users exclude each other": "--user und --all-users schließen sich aus",
        "Rule": "Regel",
        "Entries": "Einträge",
        "Detail": "Einzelheit",
        "{n} finding": "{n} Befund",
        "{n} findings": "{n} Befunde",
        "{found} from {first} to {last}.": "{found} vom {first} bis {last}.",
        "Nothing needs attention from {first} to {last}.": (
            "Vom {first} bis {last} ist nichts zu korrigieren."
        ),
        "Public holidays are not checked: no German state is set (use --state CODE, or "
        '"state" in {file}).': (
            "Feiertage werden nicht geprüft: kein Bundesland eingestellt (--state KÜRZEL "
            'angeben oder "state" in {file}).'
        ),
        "--state: {error}": "--state: {error}",
        # -- journal -------------------------------------------------------------------------
        "When": "Wann",
        "By": "Von",
        "Action": "Aktion",
        "Entry": "Eintrag",
        "What": "Was",
        "Reason": "Grund",
        "create": "anlegen",
        "update": "ändern",
        "delete": "löschen",
        "not yet sent": "noch nicht gesendet",
        "open": "offen",
        "made {entry}": "angelegt {entry}",
        "deleted": "gelöscht",
        "deleted {entry}": "gelöscht {entry}",
        "no change": "keine Änderung",
        "set {fields}": "gesetzt {fields}",
        "{day} {start}-{end}, break {break_time}": "{day} {start}-{end}, Pause {break_time}",
        "from {was} -> {now}": "Beginn {was} -> {now}",
        "to {was} -> {now}": "Ende {was} -> {now}",
        "break {was} -> {now} min": "Pause {was} -> {now} Min.",
        'notes "{was}" -> "{now}"': 'Notiz "{was}" -> "{now}"',
        "No corrections were made from this computer in that time.": (
            "In dieser Zeit wurden von diesem Computer keine Korrekturen gemacht."
        ),
        "No corrections of entry #{id} were made from this computer in that time.": (
            "In dieser Zeit wurden von diesem Computer keine Korrekturen an Eintrag #{id} gemacht."
        ),
        # -- report --------------------------------------------------------------------------
        "--output: {file} is a folder; give a file name": (
            "--output: {file} ist ein Ordner; einen Dateinamen angeben"
        ),
        "cannot write {file}: {why}": "{file} lässt sich nicht schreiben: {why}",
        "{first} to {last}": "{first} bis {last}",
        "Wrote {file} ({kind}, {span}, {people}).": (
            "{file} geschrieben ({kind}, {span}, {people})."
        ),
        "{n} employee": "{n} Mitarbeiter/in",
        "{n} employees": "{n} Mitarbeitende",
        "With {n} correction made from this computer": ("Mit {n} Korrektur von diesem Computer"),
        "With {n} corrections made from this computer": ("Mit {n} Korrekturen von diesem Computer"),
        " in {file}": " in {file}",
        "Targets, holidays and absences are computed here from the working model in the "
        "settings (work_hours, state): TimeTrack offers no daily reports.": (
            "Soll, Feiertage und Abwesenheiten sind hier aus dem Arbeitszeitmodell der "
            "Einstellungen berechnet (work_hours, state): TimeTrack bietet keine "
            "Tagesberichte."
        ),
        "--month and --from/--to exclude each other": (
            "--month und --from/--to schließen sich aus"
        ),
        "give --month YYYY-MM, or --from DATE and --to DATE": (
            "--month JJJJ-MM angeben, oder --from DATUM und --to DATUM"
        ),
        # -- desktop: the application menu entry for a pip install -----------------------------
        "add TimeClock to your application menu, or remove it (for a pip install)": (
            "TimeClock ins Anwendungsmenü aufnehmen oder daraus entfernen (für eine "
            "pip-Installation)"
        ),
        "TimeClock in the application menu of your Linux desktop, for a pip install (the "
        "Debian package puts it there itself).": (
            "TimeClock im Anwendungsmenü Ihres Linux-Desktops, für eine pip-Installation (das "
            "Debian-Paket trägt es selbst ein)."
        ),
        "add TimeClock to your application menu (files in ~/.local/share)": (
            "TimeClock ins Anwendungsmenü aufnehmen (Dateien in ~/.local/share)"
        ),
        "Add TimeClock to your application menu: its desktop file, AppStream metainfo and "
        "icon go into $XDG_DATA_HOME (default ~/.local/share), the menu entry starting this "
        "timeclock program.": (
            "TimeClock ins Anwendungsmenü aufnehmen: Desktop-Datei, AppStream-Metadaten und "
            "Symbol kommen nach $XDG_DATA_HOME (sonst ~/.local/share), und der Menüeintrag "
            "startet dieses timeclock-Programm."
        ),
        "remove TimeClock from your application menu": (
            "TimeClock aus dem Anwendungsmenü entfernen"
        ),
        "Remove the files 'timeclock desktop install' wrote.": (
            "Die Dateien entfernen, die 'timeclock desktop install' geschrieben hat."
        ),
        "the application menu entry is for Linux desktops only": (
            "der Eintrag im Anwendungsmenü ist nur für Linux-Desktops"
        ),
        "TimeClock is in your application menu ({file}), starting {program}.": (
            "TimeClock ist in Ihrem Anwendungsmenü ({file}) und startet {program}."
        ),
        "TimeClock is no longer in your application menu ({n} file removed).": (
            "TimeClock ist nicht mehr in Ihrem Anwendungsmenü ({n} Datei entfernt)."
        ),
        "TimeClock is no longer in your application menu ({n} files removed).": (
            "TimeClock ist nicht mehr in Ihrem Anwendungsmenü ({n} Dateien entfernt)."
        ),
        "TimeClock was not in your application menu; nothing to remove.": (
            "TimeClock war nicht in Ihrem Anwendungsmenü; nichts zu entfernen."
        ),
        "cannot change {file}: {reason}": "{file} lässt sich nicht ändern: {reason}",
    }
)

GERMAN: Final[Mapping[str, str]] = MappingProxyType({**ARGPARSE, **MESSAGES})
