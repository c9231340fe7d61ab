<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>time clock</source>
        <translation>Stempeluhr</translation>
    </message>
    <message>
        <source>%1, not yet sent</source>
        <translation>%1, noch nicht gesendet</translation>
    </message>
    <message>
        <source>Saved on this computer, not yet on TimeTrack: it is sent as soon as TimeTrack can be reached.</source>
        <translation>Auf diesem Computer gespeichert, noch nicht bei TimeTrack: wird gesendet, sobald TimeTrack erreichbar ist.</translation>
    </message>
    <message>
        <source>Clocked in, not yet clocked out</source>
        <translation>Eingestempelt, noch nicht ausgestempelt</translation>
    </message>
    <message>
        <source>TimeTrack keeps this entry to the second and counts the worked time from the seconds, so the times are shown with them here.</source>
        <translation>TimeTrack speichert diesen Eintrag sekundengenau und berechnet die Arbeitszeit aus den Sekunden; deshalb sind die Zeiten hier mit Sekunden angezeigt.</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <source>The entry was changed or deleted on TimeTrack meanwhile.</source>
        <translation>Der Eintrag wurde inzwischen auf TimeTrack geändert oder gelöscht.</translation>
    </message>
</context>
<context>
    <name>BulkBreakDialog</name>
    <message>
        <source>Set break</source>
        <translation>Pause festlegen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Break in minutes</source>
        <translation>Pause in Minuten</translation>
    </message>
    <message>
        <source>&amp;Break:</source>
        <translation>&amp;Pause:</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>Grund der Korrektur</translation>
    </message>
    <message>
        <source>Why these entries of another employee change</source>
        <translation>Warum diese Einträge einer anderen Person geändert werden</translation>
    </message>
    <message>
        <source>Set the break of these %1 entries:</source>
        <translation>Pause dieser %1 Einträge festlegen:</translation>
    </message>
    <message>
        <source>The break must be shorter than the time from start to end; it is not for %1 of these entries.</source>
        <translation>Die Pause muss kürzer sein als die Zeit von Beginn bis Ende; bei %1 dieser Einträge ist sie es nicht.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>BulkDeleteDialog</name>
    <message>
        <source>Delete entries</source>
        <translation>Einträge löschen</translation>
    </message>
    <message>
        <source>Reason for the deletion</source>
        <translation>Grund des Löschens</translation>
    </message>
    <message>
        <source>Why these entries of another employee go</source>
        <translation>Warum diese Einträge einer anderen Person gelöscht werden</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the entries</source>
        <translation>Die Einträge löschen</translation>
    </message>
    <message>
        <source>Delete these %1 entries from TimeTrack?</source>
        <translation>Diese %1 Einträge aus TimeTrack löschen?</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Give a reason: some of these entries belong to another employee.</source>
        <translation>Bitte einen Grund angeben: Einige dieser Einträge gehören einer anderen Person.</translation>
    </message>
    <message>
        <source>%1 of %2 entries did not go through: %3</source>
        <translation>%1 von %2 Einträgen wurden nicht übernommen: %3</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Entry deleted on TimeTrack</source>
        <translation>Eintrag auf TimeTrack gelöscht</translation>
    </message>
    <message>
        <source>Entry changed on TimeTrack</source>
        <translation>Eintrag auf TimeTrack geändert</translation>
    </message>
    <message>
        <source>What the choices do</source>
        <translation>Was die Auswahl bewirkt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>It was deleted on TimeTrack.</source>
        <translation>Der Eintrag wurde auf TimeTrack gelöscht.</translation>
    </message>
    <message>
        <source>Someone changed this entry on TimeTrack after you opened it.</source>
        <translation>Jemand hat diesen Eintrag auf TimeTrack geändert, nachdem Sie ihn geöffnet haben.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>Someone deleted this entry after you opened it. Your change has not been saved: create the entry again with your values, or discard your change.</source>
        <translation>Jemand hat diesen Eintrag gelöscht, nachdem Sie ihn geöffnet haben. Ihre Änderung wurde nicht gespeichert: Legen Sie den Eintrag mit Ihren Werten erneut an oder verwerfen Sie Ihre Änderung.</translation>
    </message>
    <message>
        <source>Your change has not been saved. Compare the versions and choose which to keep.</source>
        <translation>Ihre Änderung wurde nicht gespeichert. Vergleichen Sie die Fassungen und wählen Sie, welche gelten soll.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>&amp;Create it again</source>
        <translation>&amp;Erneut anlegen</translation>
    </message>
    <message>
        <source>Create a new manual entry with the values of your change</source>
        <translation>Einen neuen manuellen Eintrag mit den Werten Ihrer Änderung anlegen</translation>
    </message>
    <message>
        <source>&amp;Discard my change</source>
        <translation>Meine Änderung &amp;verwerfen</translation>
    </message>
    <message>
        <source>Close the form; the entry stays deleted</source>
        <translation>Das Formular schließen; der Eintrag bleibt gelöscht</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>Save the fields you changed on top of the version on TimeTrack now</source>
        <translation>Die von Ihnen geänderten Felder auf die jetzige Fassung von TimeTrack speichern</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Andere übernehmen</translation>
    </message>
    <message>
        <source>Close the form without saving your change</source>
        <translation>Das Formular schließen, ohne Ihre Änderung zu speichern</translation>
    </message>
    <message>
        <source>&amp;Back to editing</source>
        <translation>&amp;Zurück zur Bearbeitung</translation>
    </message>
    <message>
        <source>Show the version on TimeTrack now in the form, with your changes on top</source>
        <translation>Die jetzige Fassung von TimeTrack im Formular zeigen, mit Ihren Änderungen darauf</translation>
    </message>
    <message>
        <source>As you opened it</source>
        <translation>Wie Sie ihn geöffnet haben</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Ihre Änderung</translation>
    </message>
    <message>
        <source>As it is on TimeTrack now</source>
        <translation>Jetzt auf TimeTrack</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fassungen</translation>
    </message>
    <message>
        <source>changed on TimeTrack</source>
        <translation>auf TimeTrack geändert</translation>
    </message>
    <message>
        <source>changed by you</source>
        <translation>von Ihnen geändert</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>“Create it again” makes a new manual entry with the values under “Your change”. “Discard my change” closes the form; the entry stays deleted.</source>
        <translation>„Erneut anlegen“ legt einen neuen manuellen Eintrag mit den Werten unter „Ihre Änderung“ an. „Meine Änderung verwerfen“ schließt das Formular; der Eintrag bleibt gelöscht.</translation>
    </message>
    <message>
        <source>“Keep mine” saves what “Your change” shows: the fields you changed (%1) on top of the version on TimeTrack now; everything else stays as it is there. “Take theirs” closes the form without saving your change.</source>
        <translation>„Meine behalten“ speichert, was unter „Ihre Änderung“ steht: die von Ihnen geänderten Felder (%1) auf der jetzigen Fassung von TimeTrack; alles andere bleibt, wie es dort ist. „Andere übernehmen“ schließt das Formular, ohne Ihre Änderung zu speichern.</translation>
    </message>
    <message>
        <source>“Keep mine” is not possible: %1 Go back to editing to fix it.</source>
        <translation>„Meine behalten“ ist nicht möglich: %1 Gehen Sie zurück zur Bearbeitung, um das zu beheben.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>time clock</source>
        <translation>Stempeluhr</translation>
    </message>
</context>
<context>
    <name>ConnectionHeader</name>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindungsaufbau…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Credentials rejected</source>
        <translation>Zugangsdaten abgelehnt</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>TimeClock ran into an unexpected error (%1). Your entries on TimeTrack are not affected; the window keeps working.</source>
        <translation>In TimeClock ist ein unerwarteter Fehler aufgetreten (%1). Ihre Einträge in TimeTrack sind nicht betroffen; Sie können weiterarbeiten.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <source>Delete this entry from TimeTrack? Undo brings it back as a new entry.</source>
        <translation>Diesen Eintrag aus TimeTrack löschen? „Rückgängig“ bringt ihn als neuen Eintrag zurück.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Reason for the deletion</source>
        <translation>Grund des Löschens</translation>
    </message>
    <message>
        <source>Why this entry of another employee goes</source>
        <translation>Warum der Eintrag einer anderen Person gelöscht wird</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Uhrzeit:</translation>
    </message>
    <message>
        <source>Break:</source>
        <translation>Pause:</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Worked:</source>
        <translation>Arbeitszeit:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>time clock</source>
        <translation>Stempeluhr</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Give a reason: this entry belongs to another employee.</source>
        <translation>Bitte einen Grund angeben: Der Eintrag gehört einer anderen Person.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
</context>
<context>
    <name>DeskReminders</name>
    <message>
        <source>Snooze the reminder (%1 min)</source>
        <translation>Erinnerung zurückstellen (%1 min)</translation>
    </message>
</context>
<context>
    <name>DeskSettingsPage</name>
    <message>
        <source>&amp;Keep TimeClock running in the tray when its window is closed</source>
        <translation>TimeClock beim Schließen des Fensters im &amp;Infobereich weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>Im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Still clocked in after hours</source>
        <translation>Noch eingestempelt nach Stunden</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>End of the day</source>
        <translation>Feierabend</translation>
    </message>
    <message>
        <source>off, or a time such as 17:30</source>
        <translation>aus, oder eine Uhrzeit wie 17:30</translation>
    </message>
    <message>
        <source>An entry left &amp;open since an earlier day, when TimeClock starts</source>
        <translation>Beim Start: ein seit einem früheren Tag &amp;offener Eintrag</translation>
    </message>
    <message>
        <source>Remind of an entry left open</source>
        <translation>An offenen Eintrag erinnern</translation>
    </message>
    <message>
        <source>6 h of &amp;work without a break</source>
        <translation>6 &amp;h Arbeit ohne Pause</translation>
    </message>
    <message>
        <source>Remind of a missing break</source>
        <translation>An fehlende Pause erinnern</translation>
    </message>
    <message>
        <source>Remind between</source>
        <translation>Erinnern zwischen</translation>
    </message>
    <message>
        <source>Snooze minutes</source>
        <translation>Minuten zurückstellen</translation>
    </message>
    <message>
        <source>Still clocked in &amp;after (hours):</source>
        <translation>Noch eingestempelt &amp;nach (Stunden):</translation>
    </message>
    <message>
        <source>Still clocked in at the &amp;end of the day:</source>
        <translation>Noch eingestempelt zum &amp;Feierabend um:</translation>
    </message>
    <message>
        <source>Remind only &amp;between:</source>
        <translation>Nur erinnern &amp;zwischen:</translation>
    </message>
    <message>
        <source>&amp;Snooze for (minutes):</source>
        <translation>Zurück&amp;stellen um (Minuten):</translation>
    </message>
    <message>
        <source>Reminders come on working days only: the days with target hours in the working model, public holidays excepted.</source>
        <translation>Erinnerungen kommen nur an Arbeitstagen: an den Tagen mit Sollstunden im Arbeitszeitmodell, außer an Feiertagen.</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Enter a time from 00:00 to 23:59, such as 17:30.</source>
        <translation>Geben Sie eine Uhrzeit von 00:00 bis 23:59 ein, etwa 17:30.</translation>
    </message>
    <message>
        <source>Enter two times from 00:00 to 23:59, such as 06:00-22:00.</source>
        <translation>Geben Sie zwei Uhrzeiten von 00:00 bis 23:59 ein, etwa 06:00-22:00.</translation>
    </message>
    <message>
        <source>The two times must differ.</source>
        <translation>Die beiden Uhrzeiten müssen verschieden sein.</translation>
    </message>
    <message>
        <source>Enter hours from 1 to 24, such as 10 or 9,5.</source>
        <translation>Geben Sie Stunden von 1 bis 24 ein, etwa 10 oder 9,5.</translation>
    </message>
    <message>
        <source>Enter whole minutes from 1 to 240.</source>
        <translation>Geben Sie ganze Minuten von 1 bis 240 ein.</translation>
    </message>
</context>
<context>
    <name>DeskTray</name>
    <message>
        <source>TimeClock tray menu</source>
        <translation>TimeClock-Menü im Infobereich</translation>
    </message>
    <message>
        <source>Show TimeClock</source>
        <translation>TimeClock anzeigen</translation>
    </message>
    <message>
        <source>Quit TimeClock</source>
        <translation>TimeClock beenden</translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation>Kommen</translation>
    </message>
    <message>
        <source>End break</source>
        <translation>Pause beenden</translation>
    </message>
    <message>
        <source>Start break</source>
        <translation>Pause beginnen</translation>
    </message>
    <message>
        <source>TimeClock: asking TimeTrack where you stand…</source>
        <translation>TimeClock: Stand wird bei TimeTrack abgefragt…</translation>
    </message>
    <message>
        <source>Not clocked in</source>
        <translation>Nicht eingestempelt</translation>
    </message>
    <message>
        <source>Clocked in since %1</source>
        <translation>Eingestempelt seit %1</translation>
    </message>
    <message>
        <source>On a break since %1</source>
        <translation>In der Pause seit %1</translation>
    </message>
    <message>
        <source>Today: %1 h worked</source>
        <translation>Arbeitszeit heute: %1 h</translation>
    </message>
    <message>
        <source>TimeClock keeps running</source>
        <translation>TimeClock läuft weiter</translation>
    </message>
    <message>
        <source>TimeClock is still here, in the tray. Click its icon to show the window; quit it from the icon&apos;s menu.</source>
        <translation>TimeClock ist noch da, im Infobereich. Ein Klick auf das Symbol zeigt das Fenster; beenden Sie TimeClock über das Menü des Symbols.</translation>
    </message>
</context>
<context>
    <name>EmployeeSummaryModel</name>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Pausen</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>(computed here)</source>
        <translation>(hier berechnet)</translation>
    </message>
</context>
<context>
    <name>EntryActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Set &amp;break…</source>
        <translation>&amp;Pause festlegen…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Could not undo: %1</source>
        <translation>Rückgängig machen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Undo of the new entry of %1</source>
        <translation>Rückgängig: neuer Eintrag vom %1</translation>
    </message>
    <message>
        <source>Undo of the deletion of %1</source>
        <translation>Rückgängig: Löschung vom %1</translation>
    </message>
    <message>
        <source>Undo of the correction of %1</source>
        <translation>Rückgängig: Korrektur vom %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1 new entries</source>
        <translation>&amp;Rückgängig: %1 neue Einträge</translation>
    </message>
    <message>
        <source>&amp;Undo the correction of %1 entries</source>
        <translation>&amp;Rückgängig: Korrektur von %1 Einträgen</translation>
    </message>
    <message>
        <source>&amp;Undo the deletion of %1 entries</source>
        <translation>&amp;Rückgängig: Löschen von %1 Einträgen</translation>
    </message>
    <message>
        <source>&amp;Undo the new entry of %1</source>
        <translation>&amp;Rückgängig: neuer Eintrag %1</translation>
    </message>
    <message>
        <source>&amp;Undo the correction of %1</source>
        <translation>&amp;Rückgängig: Korrektur des Eintrags %1</translation>
    </message>
    <message>
        <source>&amp;Undo the deletion of %1</source>
        <translation>&amp;Rückgängig: Löschen des Eintrags %1</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Edit entry</source>
        <translation>Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Fix a change not yet on TimeTrack</source>
        <translation>Änderung korrigieren, die noch nicht bei TimeTrack ist</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Break in minutes</source>
        <translation>Pause in Minuten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Time worked</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Break:</source>
        <translation>&amp;Pause:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>Worked:</source>
        <translation>Arbeitszeit:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Why this change waits</source>
        <translation>Warum diese Änderung wartet</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>time clock</source>
        <translation>Stempeluhr</translation>
    </message>
    <message>
        <source>Not saved: this entry was deleted on TimeTrack meanwhile.</source>
        <translation>Nicht gespeichert: Dieser Eintrag wurde inzwischen auf TimeTrack gelöscht.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this entry meanwhile.</source>
        <translation>Nicht gespeichert: Jemand anderes hat diesen Eintrag inzwischen geändert.</translation>
    </message>
    <message>
        <source>The form now shows the entry as it is on TimeTrack, with your changes on top. Check it and save again.</source>
        <translation>Das Formular zeigt jetzt den Eintrag, wie er auf TimeTrack ist, mit Ihren Änderungen darauf. Prüfen Sie ihn und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>Grund der Korrektur</translation>
    </message>
    <message>
        <source>Why this entry of another employee changes</source>
        <translation>Warum der Eintrag einer anderen Person geändert wird</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Bis: %1</translation>
    </message>
    <message>
        <source>Give a reason: this entry belongs to another employee.</source>
        <translation>Bitte einen Grund angeben: Der Eintrag gehört einer anderen Person.</translation>
    </message>
    <message>
        <source>This entry starts in the future (%1, %2).</source>
        <translation>Dieser Eintrag beginnt in der Zukunft (%1, %2).</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Overlaps another entry of this user: %1.</source>
        <translation>Überschneidet sich mit einem anderen Eintrag dieses Benutzers: %1.</translation>
    </message>
    <message>
        <source>The day&apos;s breaks of %1 min are less than the %2 min the law asks for %3 h of work that day (ArbZG §4).</source>
        <translation>Die Pausen des Tages von %1 Min. sind kürzer als die %2 Min., die das Gesetz für %3 h Arbeit an diesem Tag verlangt (ArbZG §4).</translation>
    </message>
    <message>
        <source>A break of %1 min is less than the %2 min the law asks for %3 h of work (ArbZG §4).</source>
        <translation>Eine Pause von %1 Min. ist kürzer als die %2 Min., die das Gesetz für %3 h Arbeit verlangt (ArbZG §4).</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>(from %1 to %2 to the second, as TimeTrack keeps them)</source>
        <translation>(von %1 bis %2 sekundengenau, wie TimeTrack sie speichert)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Targets, holidays and absences were computed here (working model).</source>
        <translation>Soll, Feiertage und Abwesenheiten wurden hier berechnet (Arbeitszeitmodell).</translation>
    </message>
    <message>
        <source>Exported %1 (%2, employees: %3) to %4.</source>
        <translation>%1 exportiert (%2, Mitarbeitende: %3) nach %4.</translation>
    </message>
    <message>
        <source>Corrections made here: %1.</source>
        <translation>Hier gemachte Korrekturen: %1.</translation>
    </message>
    <message>
        <source>They are in %1.</source>
        <translation>Sie stehen in %1.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export the monthly report</source>
        <translation>Monatsbericht exportieren</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>My records (%1)</source>
        <translation>Meine Einträge (%1)</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>The shown user (%1)</source>
        <translation>Angezeigter Benutzer (%1)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>CSV (Excel, semicolons)</source>
        <translation>CSV (Excel, Semikolons)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel-Arbeitsmappe (XLSX)</translation>
    </message>
    <message>
        <source>PDF timesheet to sign</source>
        <translation>PDF-Arbeitszeitnachweis zum Unterschreiben</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Choose the file and export</source>
        <translation>Datei wählen und exportieren</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Einträge:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Whole &amp;month</source>
        <translation>Ganzer &amp;Monat</translation>
    </message>
    <message>
        <source>&amp;Days from</source>
        <translation>&amp;Tage vom</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>timesheet</source>
        <translation>arbeitszeitnachweis</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation>Der Export konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>my entries</source>
        <translation>meine Einträge</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Matching employees</source>
        <translation>Passende Mitarbeiter</translation>
    </message>
    <message>
        <source>&amp;All users</source>
        <translation>&amp;Alle Benutzer</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>&amp;Group by employee</source>
        <translation>Nach Mitarbeiter &amp;gruppieren</translation>
    </message>
    <message>
        <source>Subtotals per employee</source>
        <translation>Zwischensummen je Mitarbeiter</translation>
    </message>
    <message>
        <source>Show worked time and breaks per employee below the list</source>
        <translation>Arbeitszeit und Pausen je Mitarbeiter unter der Liste zeigen</translation>
    </message>
    <message>
        <source>About the user name</source>
        <translation>Zum Benutzernamen</translation>
    </message>
    <message>
        <source>Type a user name, first or last name or personal number</source>
        <translation>Benutzername, Vor- oder Nachname oder Personalnummer eingeben</translation>
    </message>
    <message>
        <source>No names: this API key may not read TimeTrack&apos;s employee directory (HTTP %1). Type user names.</source>
        <translation>Keine Namen: Dieser API-Schlüssel darf das Mitarbeiterverzeichnis von TimeTrack nicht lesen (HTTP %1). Bitte Benutzernamen eingeben.</translation>
    </message>
    <message>
        <source>No names: this TimeTrack server has no employee directory (HTTP %1). Type user names.</source>
        <translation>Keine Namen: Dieser TimeTrack-Server hat kein Mitarbeiterverzeichnis (HTTP %1). Bitte Benutzernamen eingeben.</translation>
    </message>
    <message>
        <source>TimeTrack&apos;s directory has no user “%1”.</source>
        <translation>Im Verzeichnis von TimeTrack gibt es keinen Benutzer „%1“.</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Not clocked out</source>
        <translation>Nicht ausgestempelt</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>Überschneidung</translation>
    </message>
    <message>
        <source>In the future</source>
        <translation>In der Zukunft</translation>
    </message>
    <message>
        <source>Over 10 hours</source>
        <translation>Über 10 Stunden</translation>
    </message>
    <message>
        <source>Break too short</source>
        <translation>Pause zu kurz</translation>
    </message>
    <message>
        <source>Rest too short</source>
        <translation>Ruhezeit zu kurz</translation>
    </message>
    <message>
        <source>Sunday work</source>
        <translation>Sonntagsarbeit</translation>
    </message>
    <message>
        <source>Public holiday work</source>
        <translation>Feiertagsarbeit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation>%1, %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>FooterBalance</name>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>target: %1 h · difference: %2 h · balance: %3 h</source>
        <translation>Soll: %1 h · Differenz: %2 h · Saldo: %3 h</translation>
    </message>
    <message>
        <source>(computed here)</source>
        <translation>(hier berechnet)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the entry</source>
        <translation>Verlauf des Eintrags</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Corrections of this entry</source>
        <translation>Korrekturen dieses Eintrags</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von wem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No corrections of this entry were made from this desk.</source>
        <translation>An diesem Arbeitsplatz wurde dieser Eintrag nicht korrigiert.</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>break %1 h</source>
        <translation>Pause %1 h</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>The demo cannot start: %1</source>
        <translation>Die Demo kann nicht starten: %1</translation>
    </message>
    <message>
        <source>The demo cannot start</source>
        <translation>Die Demo kann nicht starten</translation>
    </message>
</context>
<context>
    <name>LockBreakDialog</name>
    <message>
        <source>Was that a break?</source>
        <translation>War das eine Pause?</translation>
    </message>
    <message>
        <source>Record this time as a break?</source>
        <translation>Diese Zeit als Pause erfassen?</translation>
    </message>
    <message>
        <source>&amp;Record as break</source>
        <translation>Als Pause &amp;erfassen</translation>
    </message>
    <message>
        <source>Record the locked time as a break</source>
        <translation>Die gesperrte Zeit als Pause erfassen</translation>
    </message>
    <message>
        <source>&amp;No, I was working</source>
        <translation>&amp;Nein, ich habe gearbeitet</translation>
    </message>
    <message>
        <source>Do not record a break</source>
        <translation>Keine Pause erfassen</translation>
    </message>
    <message>
        <source>The screen was locked from %1 to %2 (%3 min) while you were clocked in.</source>
        <translation>Der Bildschirm war von %1 bis %2 (%3 min) gesperrt, während Sie eingestempelt waren.</translation>
    </message>
    <message>
        <source>The screen was locked %1 (%2 min in all) while you were clocked in.</source>
        <translation>Der Bildschirm war %1 (insgesamt %2 min) gesperrt, während Sie eingestempelt waren.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TimeClock</source>
        <translation>TimeClock</translation>
    </message>
    <message>
        <source>Attendance entries</source>
        <translation>Anwesenheiten</translation>
    </message>
    <message>
        <source>Subtotals per employee</source>
        <translation>Zwischensummen je Mitarbeiter</translation>
    </message>
    <message>
        <source>Double-click an employee to show only their entries</source>
        <translation>Doppelklick auf einen Mitarbeiter zeigt nur seine Einträge</translation>
    </message>
    <message>
        <source>Clock in/out</source>
        <translation>Kommen/Gehen</translation>
    </message>
    <message>
        <source>Start/end break</source>
        <translation>Pause beginnen/beenden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>Neuer Eintrag…</translation>
    </message>
    <message>
        <source>Changes not yet sent…</source>
        <translation>Noch nicht gesendete Änderungen…</translation>
    </message>
    <message>
        <source>Needs attention…</source>
        <translation>Handlungsbedarf…</translation>
    </message>
    <message>
        <source>Edit entry…</source>
        <translation>Eintrag bearbeiten…</translation>
    </message>
    <message>
        <source>Delete entry…</source>
        <translation>Eintrag löschen…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;Clock</source>
        <translation>&amp;Stempeluhr</translation>
    </message>
    <message>
        <source>&amp;Entries</source>
        <translation>&amp;Einträge</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Overview…</source>
        <translation>Ü&amp;bersicht…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Open entry…</source>
        <translation>Eintrag ö&amp;ffnen…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>TimeTrack rejected the API key or secret (HTTP %1). Check them in TimeTrack under Settings / General / API; the secret may have been regenerated.</source>
        <translation>TimeTrack hat den API-Schlüssel oder das API-Secret abgelehnt (HTTP %1). Prüfen Sie beide in TimeTrack unter Einstellungen / Allgemein / API; vielleicht wurde das Secret neu erzeugt.</translation>
    </message>
    <message>
        <source>Entry %1 no longer exists on TimeTrack.</source>
        <translation>Eintrag %1 gibt es in TimeTrack nicht mehr.</translation>
    </message>
    <message>
        <source>TimeTrack does not know this address; check the account URL.</source>
        <translation>TimeTrack kennt diese Adresse nicht; prüfen Sie die Adresse des Kontos.</translation>
    </message>
    <message>
        <source>TimeTrack refused the data.</source>
        <translation>TimeTrack hat die Daten abgelehnt.</translation>
    </message>
    <message>
        <source>TimeTrack asks to slow down (too many requests); try again shortly.</source>
        <translation>TimeTrack meldet zu viele Anfragen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>TimeTrack had a problem (HTTP %1). Try again later.</source>
        <translation>Bei TimeTrack ist ein Problem aufgetreten (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>TimeTrack sent an answer this program cannot read: %1</source>
        <translation>TimeTrack hat eine Antwort gesendet, die dieses Programm nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>This time does not exist on the local clock (the clocks go forward).</source>
        <translation>Diese Uhrzeit gibt es nicht, weil die Uhren vorgestellt werden (Zeitumstellung).</translation>
    </message>
    <message>
        <source>This time occurs twice on the local clock (the clocks go back).</source>
        <translation>Diese Uhrzeit gibt es zweimal, weil die Uhren zurückgestellt werden (Zeitumstellung).</translation>
    </message>
    <message>
        <source>The account is neither a TimeTrack account name nor an https:// address.</source>
        <translation>Das Konto ist weder ein TimeTrack-Kontoname noch eine https://-Adresse.</translation>
    </message>
    <message>
        <source>The connection to TimeTrack is not set up yet.</source>
        <translation>Die Verbindung zu TimeTrack ist noch nicht eingerichtet.</translation>
    </message>
    <message>
        <source>This entry was discarded before it reached TimeTrack; it no longer exists.</source>
        <translation>Dieser Eintrag wurde verworfen, bevor er TimeTrack erreichte; es gibt ihn nicht mehr.</translation>
    </message>
    <message>
        <source>Another TimeClock on this computer is sending changes right now; try again in a moment.</source>
        <translation>Ein anderes TimeClock auf diesem Computer sendet gerade Änderungen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Another TimeClock on this computer is stamping right now; nothing was stamped. Try again in a moment.</source>
        <translation>Ein anderes TimeClock auf diesem Computer stempelt gerade; es wurde nichts gestempelt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>A local file cannot be used: %1</source>
        <translation>Eine lokale Datei kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Something unexpected went wrong (%1).</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten (%1).</translation>
    </message>
    <message>
        <source>A break is already running.</source>
        <translation>Es läuft bereits eine Pause.</translation>
    </message>
    <message>
        <source>No break is running.</source>
        <translation>Es läuft keine Pause.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>The end lies before the start.</source>
        <translation>Das Ende liegt vor dem Beginn.</translation>
    </message>
    <message>
        <source>The break cannot be negative.</source>
        <translation>Die Pause kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>The break must be shorter than the time from start to end.</source>
        <translation>Die Pause muss kürzer sein als die Zeit von Beginn bis Ende.</translation>
    </message>
    <message>
        <source>The system keyring is locked, so the API key and secret cannot be kept.</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt; API-Schlüssel und API-Secret können dort nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The system keyring does not work, so the API key and secret cannot be kept.</source>
        <translation>Der Schlüsselbund des Systems funktioniert nicht; API-Schlüssel und API-Secret können dort nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Not sent: %1. The entry was changed or deleted on TimeTrack meanwhile. Open Entries &gt; Changes not yet sent to decide.</source>
        <translation>Nicht gesendet: %1. Der Eintrag wurde inzwischen bei TimeTrack geändert oder gelöscht. Entscheiden Sie unter Einträge &gt; Noch nicht gesendete Änderungen.</translation>
    </message>
    <message>
        <source>Not sent: %1. Its answer was lost, and more than one entry on TimeTrack fits it, so it may be there already. Check the list, then open Entries &gt; Changes not yet sent to discard it or try again.</source>
        <translation>Nicht gesendet: %1. Die Antwort ging verloren, und mehr als ein Eintrag bei TimeTrack passt dazu; er ist also vielleicht schon dort. Prüfen Sie die Liste und verwerfen Sie die Änderung dann unter Einträge &gt; Noch nicht gesendete Änderungen, oder versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not sent: %1. The new entry it changes was discarded before it reached TimeTrack. Open Entries &gt; Changes not yet sent to discard it.</source>
        <translation>Nicht gesendet: %1. Der neue Eintrag, den sie ändert, wurde verworfen, bevor er TimeTrack erreichte. Verwerfen Sie sie unter Einträge &gt; Noch nicht gesendete Änderungen.</translation>
    </message>
    <message>
        <source>A change saved on this computer cannot be read by this TimeClock (saved by a newer version, or damaged). Open Entries &gt; Changes not yet sent to discard it.</source>
        <translation>Eine auf diesem Computer gespeicherte Änderung kann dieses TimeClock nicht lesen (von einer neueren Version gespeichert oder beschädigt). Verwerfen Sie sie unter Einträge &gt; Noch nicht gesendete Änderungen.</translation>
    </message>
    <message>
        <source>TimeTrack refused a change saved on this computer: %1 (%2). Open Entries &gt; Changes not yet sent to fix or discard it.</source>
        <translation>TimeTrack hat eine auf diesem Computer gespeicherte Änderung abgelehnt: %1 (%2). Unter Einträge &gt; Noch nicht gesendete Änderungen können Sie sie korrigieren oder verwerfen.</translation>
    </message>
    <message>
        <source>This change no longer waited; nothing was discarded.</source>
        <translation>Diese Änderung wartete nicht mehr; es wurde nichts verworfen.</translation>
    </message>
    <message>
        <source>Not discarded: it had already reached TimeTrack as entry #%1 (its answer was lost). To remove it, delete the entry in the list.</source>
        <translation>Nicht verworfen: Die Änderung war schon als Eintrag #%1 bei TimeTrack angekommen (nur die Antwort ging verloren). Um sie zu entfernen, löschen Sie den Eintrag in der Liste.</translation>
    </message>
    <message>
        <source>Discarded here. It may already have reached TimeTrack; check the list before entering it again.</source>
        <translation>Hier verworfen. Sie hat TimeTrack vielleicht schon erreicht; prüfen Sie die Liste, bevor Sie sie noch einmal eingeben.</translation>
    </message>
    <message>
        <source>Discarded. TimeTrack will not get this change.</source>
        <translation>Verworfen. TimeTrack erhält diese Änderung nicht.</translation>
    </message>
    <message>
        <source>You are also clocked in since %1 (entry #%2), probably at another desk. Open the entry to set its end, or delete it in the list.</source>
        <translation>Sie sind außerdem seit %1 eingestempelt (Eintrag #%2), vermutlich an einem anderen Platz. Öffnen Sie den Eintrag, um sein Ende einzutragen, oder löschen Sie ihn in der Liste.</translation>
    </message>
    <message>
        <source>You are also clocked in since %1 (an entry not yet on TimeTrack). Open the entry to set its end, or delete it in the list.</source>
        <translation>Sie sind außerdem seit %1 eingestempelt (ein Eintrag, der noch nicht bei TimeTrack ist). Öffnen Sie den Eintrag, um sein Ende einzutragen, oder löschen Sie ihn in der Liste.</translation>
    </message>
    <message>
        <source>Deleted on this computer. TimeTrack will delete the entry as soon as it can be reached.</source>
        <translation>Auf diesem Computer gelöscht. TimeTrack löscht den Eintrag, sobald es erreichbar ist.</translation>
    </message>
    <message>
        <source>Saved on this computer. TimeTrack gets the change as soon as it can be reached.</source>
        <translation>Auf diesem Computer gespeichert. TimeTrack erhält die Änderung, sobald es erreichbar ist.</translation>
    </message>
    <message>
        <source>The list shows the entries as last seen on %1 at %2, with the changes waiting here.</source>
        <translation>Die Liste zeigt die Einträge, wie sie am %1 um %2 zuletzt zu sehen waren, mit den hier wartenden Änderungen.</translation>
    </message>
    <message>
        <source>Someone else changed this entry on TimeTrack after your change was saved here. The form shows TimeTrack&apos;s version with your change on top: check it and save, or cancel to leave the change waiting.</source>
        <translation>Jemand anderes hat diesen Eintrag bei TimeTrack geändert, nachdem Ihre Änderung hier gespeichert wurde. Das Formular zeigt die Fassung von TimeTrack mit Ihrer Änderung darüber: Prüfen und speichern Sie sie, oder brechen Sie ab, dann wartet die Änderung weiter.</translation>
    </message>
    <message>
        <source>TimeTrack did not take this change. Correct it and save, or cancel to leave it waiting. Reason: %1</source>
        <translation>TimeTrack hat diese Änderung nicht angenommen. Korrigieren und speichern Sie sie, oder brechen Sie ab, dann wartet sie weiter. Grund: %1</translation>
    </message>
    <message>
        <source>This entry no longer exists on TimeTrack, so the change cannot be fixed; discard it.</source>
        <translation>Diesen Eintrag gibt es bei TimeTrack nicht mehr, die Änderung lässt sich also nicht korrigieren; verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>An entry cannot be longer than 24 hours.</source>
        <translation>Ein Eintrag kann nicht länger als 24 Stunden sein.</translation>
    </message>
    <message>
        <source>You are already clocked in.</source>
        <translation>Sie sind bereits eingestempelt.</translation>
    </message>
    <message>
        <source>You are not clocked in.</source>
        <translation>Sie sind nicht eingestempelt.</translation>
    </message>
    <message>
        <source>This system has no keyring to keep the API key and secret safe.</source>
        <translation>Dieses System hat keinen Schlüsselbund, der API-Schlüssel und Secret sicher aufbewahrt.</translation>
    </message>
    <message>
        <source>TimeTrack at %1 did not answer in time; try again later.</source>
        <translation>TimeTrack unter %1 hat nicht rechtzeitig geantwortet; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The security certificate of %1 is not trusted, so the connection was refused.</source>
        <translation>Das Sicherheitszertifikat von %1 ist nicht vertrauenswürdig; die Verbindung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Cannot reach TimeTrack at %1; check the network connection.</source>
        <translation>TimeTrack unter %1 ist nicht erreichbar; prüfen Sie die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The connection to %1 broke before the answer arrived; try again.</source>
        <translation>Die Verbindung zu %1 brach vor der Antwort ab; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The connection to %1 failed.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>TimeTrack says: %1</source>
        <translation>TimeTrack meldet: %1</translation>
    </message>
</context>
<context>
    <name>NeedsAttentionDialog</name>
    <message>
        <source>Needs attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
    <message>
        <source>What was looked at</source>
        <translation>Was geprüft wurde</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>Ausgewählter Befund</translation>
    </message>
    <message>
        <source>Public holidays are not checked: no German state is set in the settings.</source>
        <translation>Feiertage werden nicht geprüft: in den Einstellungen ist kein Bundesland gesetzt.</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>Feiertage</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Open entry…</source>
        <translation>Eintrag ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open the entry to correct it</source>
        <translation>Den Eintrag zum Korrigieren öffnen</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Looking for what needs attention…</source>
        <translation>Suche, was zu korrigieren ist…</translation>
    </message>
    <message>
        <source>all users</source>
        <translation>alle Benutzer</translation>
    </message>
    <message>
        <source>Nothing needs attention for %1 from %2 to %3.</source>
        <translation>Kein Handlungsbedarf für %1 vom %2 bis %3.</translation>
    </message>
    <message>
        <source>1 finding for %1 from %2 to %3.</source>
        <translation>1 Befund für %1 vom %2 bis %3.</translation>
    </message>
    <message>
        <source>%4 findings for %1 from %2 to %3.</source>
        <translation>%4 Befunde für %1 vom %2 bis %3.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Changes not yet on TimeTrack</source>
        <translation>Änderungen, die TimeTrack noch nicht hat</translation>
    </message>
    <message>
        <source>Waiting changes</source>
        <translation>Wartende Änderungen</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>Jetzt &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Fix…</source>
        <translation>&amp;Korrigieren…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Everything is on TimeTrack.</source>
        <translation>Alles ist in TimeTrack.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) wait, %1 of them held until you decide.</source>
        <translation>
            <numerusform>%n Änderung wartet, davon %1 angehalten, bis Sie entscheiden.</numerusform>
            <numerusform>%n Änderungen warten, davon %1 angehalten, bis Sie entscheiden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>New entry of %1: %2</source>
        <translation>Neuer Eintrag von %1: %2</translation>
    </message>
    <message>
        <source>the entry of %1, %2</source>
        <translation>dem Eintrag von %1, %2</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>a new entry</source>
        <translation>einem neuen Eintrag</translation>
    </message>
    <message>
        <source>Deletion of %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>Change of %1: %2</source>
        <translation>Änderung an %1: %2</translation>
    </message>
    <message>
        <source>Held: its answer was lost and more than one entry on TimeTrack fits it; check the list, then discard it or try again</source>
        <translation>Angehalten: die Antwort ging verloren, und mehr als ein Eintrag bei TimeTrack passt dazu; prüfen Sie die Liste, dann verwerfen oder erneut versuchen</translation>
    </message>
    <message>
        <source>Held: the new entry it changes was discarded before it reached TimeTrack; discard this change too</source>
        <translation>Angehalten: der neue Eintrag, den sie ändert, wurde verworfen, bevor er TimeTrack erreichte; verwerfen Sie auch diese Änderung</translation>
    </message>
    <message>
        <source>Held: saved by a newer TimeClock, or damaged; it can only be discarded</source>
        <translation>Angehalten: von einem neueren TimeClock gespeichert oder beschädigt; sie kann nur verworfen werden</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>break %1 h</source>
        <translation>Pause %1 h</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Held: the entry was changed or deleted on TimeTrack meanwhile</source>
        <translation>Angehalten: der Eintrag wurde inzwischen bei TimeTrack geändert oder gelöscht</translation>
    </message>
    <message>
        <source>A change this TimeClock cannot read</source>
        <translation>Eine Änderung, die dieses TimeClock nicht lesen kann</translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
</context>
<context>
    <name>OverviewCanvas</name>
    <message>
        <source>Worked time against target</source>
        <translation>Arbeitszeit gegen Soll</translation>
    </message>
    <message>
        <source>No employees with days in this period.</source>
        <translation>Keine Mitarbeiter mit Tagen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Diff.</source>
        <translation>Diff.</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Whose days</source>
        <translation>Wessen Tage</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Vorheriger</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Previous period (Alt+Left, Page Up)</source>
        <translation>Vorheriger Zeitraum (Alt+Links, Bild auf)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Nächster ▶</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Nächster Zeitraum</translation>
    </message>
    <message>
        <source>Next period (Alt+Right, Page Down)</source>
        <translation>Nächster Zeitraum (Alt+Rechts, Bild ab)</translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation>Angezeigter Zeitraum</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Sums</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Where the targets come from</source>
        <translation>Woher das Soll kommt</translation>
    </message>
    <message>
        <source>Day in focus</source>
        <translation>Gewählter Tag</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Everyone (team)</source>
        <translation>Alle (Team)</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Zahlen werden gelesen…</translation>
    </message>
    <message>
        <source>%1 employees: worked %2 h of %3 h target, difference %4 h; %5 day(s) need attention. Double-click or Enter on a row shows that employee alone.</source>
        <translation>%1 Mitarbeiter: %2 h von %3 h Soll gearbeitet, Differenz %4 h; %5 Tag(e) mit Handlungsbedarf. Doppelklick oder Eingabe auf einer Zeile zeigt nur diesen Mitarbeiter.</translation>
    </message>
    <message>
        <source>Week %1: %2 to %3</source>
        <translation>KW %1: %2 bis %3</translation>
    </message>
</context>
<context>
    <name>OverviewLegend</name>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>At or over target</source>
        <translation>Soll erreicht oder mehr</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Unter Soll</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Over target</source>
        <translation>Über Soll</translation>
    </message>
    <message>
        <source>Short of target</source>
        <translation>Fehlt zum Soll</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Feiertag</translation>
    </message>
    <message>
        <source>Absent (vacation U, sick K, …)</source>
        <translation>Abwesend (Urlaub U, krank K, …)</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Wochenende</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
    <message>
        <source>Entry left open</source>
        <translation>Eintrag offen geblieben</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>OverviewText</name>
    <message>
        <source>Worked %1 h of %2 h target, difference %3 h</source>
        <translation>%1 h von %2 h Soll gearbeitet, Differenz %3 h</translation>
    </message>
    <message>
        <source>Break %1 h · balance %2 h</source>
        <translation>Pause %1 h · Saldo %2 h</translation>
    </message>
    <message>
        <source>Public holiday: %1</source>
        <translation>Feiertag: %1</translation>
    </message>
    <message>
        <source>Absent: %1</source>
        <translation>Abwesend: %1</translation>
    </message>
    <message>
        <source>An entry is running.</source>
        <translation>Ein Eintrag läuft.</translation>
    </message>
    <message>
        <source>Still to come: no target yet.</source>
        <translation>Liegt noch vor uns: noch kein Soll.</translation>
    </message>
    <message>
        <source>Needs attention:</source>
        <translation>Handlungsbedarf:</translation>
    </message>
    <message>
        <source>%1: worked %2 h of %3 h target, difference %4 h; %5 day(s) absent, %6 public holiday(s), %7 day(s) need attention.</source>
        <translation>%1: %2 h von %3 h Soll gearbeitet, Differenz %4 h; %5 Tag(e) abwesend, %6 Feiertag(e), %7 Tag(e) mit Handlungsbedarf.</translation>
    </message>
    <message>
        <source>Targets, holidays and absences are computed here from this computer&apos;s working model (Settings): TimeTrack offers no daily reports.</source>
        <translation>Soll, Feiertage und Abwesenheiten sind hier aus dem Arbeitszeitmodell dieses Computers berechnet (Einstellungen): TimeTrack bietet keine Tagesberichte.</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>start %1</source>
        <translation>Beginn: %1</translation>
    </message>
    <message>
        <source>end %1</source>
        <translation>Ende: %1</translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close the reminder</source>
        <translation>Erinnerung schließen</translation>
    </message>
    <message>
        <source>TimeClock: %1</source>
        <translation>TimeClock: %1</translation>
    </message>
    <message>
        <source>S&amp;nooze %1 min</source>
        <translation>%1 min &amp;zurückstellen</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Entry still open</source>
        <translation>Eintrag noch offen</translation>
    </message>
    <message>
        <source>Your entry of %1 from %2 was never clocked out.</source>
        <translation>Ihr Eintrag vom %1 ab %2 wurde nie ausgestempelt.</translation>
    </message>
    <message>
        <source>&amp;Enter the end…</source>
        <translation>&amp;Ende eintragen…</translation>
    </message>
    <message>
        <source>Click here to enter when you stopped.</source>
        <translation>Hier klicken, um das Ende einzutragen.</translation>
    </message>
    <message>
        <source>Time for a break</source>
        <translation>Zeit für eine Pause</translation>
    </message>
    <message>
        <source>You have worked %1 h since %2 without a break.</source>
        <translation>Sie arbeiten seit %2 ohne Pause, %1 h.</translation>
    </message>
    <message>
        <source>&amp;Start break</source>
        <translation>Pause &amp;beginnen</translation>
    </message>
    <message>
        <source>Click here to start a break.</source>
        <translation>Hier klicken, um eine Pause zu beginnen.</translation>
    </message>
    <message>
        <source>End of the day</source>
        <translation>Feierabend</translation>
    </message>
    <message>
        <source>It is %1 and you are still clocked in (since %2).</source>
        <translation>Es ist %1 und Sie sind noch eingestempelt (seit %2).</translation>
    </message>
    <message>
        <source>Still clocked in</source>
        <translation>Noch eingestempelt</translation>
    </message>
    <message>
        <source>You have been clocked in for %1 h, since %2.</source>
        <translation>Sie sind seit %2 eingestempelt, %1 h.</translation>
    </message>
    <message>
        <source>Clock &amp;out</source>
        <translation>&amp;Gehen</translation>
    </message>
    <message>
        <source>Click here to clock out.</source>
        <translation>Hier klicken, um auszustempeln.</translation>
    </message>
</context>
<context>
    <name>SessionSettingsGroup</name>
    <message>
        <source>Log-in and screen lock</source>
        <translation>Anmeldung und Bildschirmsperre</translation>
    </message>
    <message>
        <source>Start TimeClock when I lo&amp;g in</source>
        <translation>TimeClock &amp;beim Anmelden starten</translation>
    </message>
    <message>
        <source>Start TimeClock when I log in</source>
        <translation>TimeClock beim Anmelden starten</translation>
    </message>
    <message>
        <source>Locked screen as a possible break</source>
        <translation>Gesperrter Bildschirm als mögliche Pause</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>After the screen was locked at least this long while you were clocked in, TimeClock asks whether it was a break. Nothing of it leaves this computer.</source>
        <translation>War der Bildschirm mindestens so lange gesperrt, während Sie eingestempelt waren, fragt TimeClock, ob es eine Pause war. Nichts davon verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>Locked screen as a b&amp;reak after (minutes):</source>
        <translation>Bei Sperre nach &amp;Pause fragen ab (Minuten):</translation>
    </message>
    <message>
        <source>TimeClock cannot be set to start when you log in: %1</source>
        <translation>TimeClock kann nicht für den Start beim Anmelden eingerichtet werden: %1</translation>
    </message>
    <message>
        <source>TimeClock cannot stop starting when you log in: %1</source>
        <translation>Der Start von TimeClock beim Anmelden kann nicht abgeschaltet werden: %1</translation>
    </message>
    <message>
        <source>Enter whole minutes from 1 to %1, or leave it empty for off.</source>
        <translation>Geben Sie ganze Minuten von 1 bis %1 ein, oder lassen Sie das Feld leer (aus).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>At the &amp;desk</source>
        <translation>Am &amp;Arbeitsplatz</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This is the demo: it runs on a sandbox inside TimeClock with made-up employees and needs no API key. Nothing is sent anywhere, and the demo&apos;s account is not saved.</source>
        <translation>Dies ist die Demo: Sie läuft auf einer Sandbox in TimeClock mit erfundenen Mitarbeitenden und braucht keinen API-Schlüssel. Nichts wird irgendwohin gesendet, und das Konto der Demo wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>TimeTrack refused the API key or secret. Enter them again as shown in TimeTrack under Settings / General / API.</source>
        <translation>TimeTrack hat den API-Schlüssel oder das Secret abgelehnt. Geben Sie beide neu ein, wie TimeTrack sie unter Einstellungen / Allgemein / API anzeigt.</translation>
    </message>
    <message>
        <source>TimeTrack account</source>
        <translation>TimeTrack-Konto</translation>
    </message>
    <message>
        <source>account name or https:// address</source>
        <translation>Kontoname oder https://-Adresse</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>API-Secret</translation>
    </message>
    <message>
        <source>S&amp;how key and secret</source>
        <translation>Schlüssel und Secret an&amp;zeigen</translation>
    </message>
    <message>
        <source>Credentials hint</source>
        <translation>Hinweis zu den Zugangsdaten</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>API s&amp;ecret:</source>
        <translation>API-S&amp;ecret:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <source>Enter the TimeTrack account (its name or API address).</source>
        <translation>Geben Sie das TimeTrack-Konto ein (Kontoname oder API-Adresse).</translation>
    </message>
    <message>
        <source>Enter the API key and the API secret.</source>
        <translation>Geben Sie API-Schlüssel und API-Secret ein.</translation>
    </message>
    <message>
        <source>The API key and secret may contain only letters, digits and punctuation.</source>
        <translation>API-Schlüssel und Secret dürfen nur Buchstaben, Ziffern und Satzzeichen enthalten.</translation>
    </message>
    <message>
        <source>At the desk: %1</source>
        <translation>Am Arbeitsplatz: %1</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbindung erfolgreich.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Keyring not available</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>Keep the API key and secret for this session only? TimeClock forgets them when it closes.</source>
        <translation>API-Schlüssel und Secret nur für diese Sitzung behalten? TimeClock vergisst sie beim Beenden.</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <source>Settings file cannot be read</source>
        <translation>Einstellungsdatei nicht lesbar</translation>
    </message>
    <message>
        <source>TimeClock cannot read its settings file and starts with the default settings.</source>
        <translation>TimeClock kann seine Einstellungsdatei nicht lesen und startet mit den Standardeinstellungen.</translation>
    </message>
    <message>
        <source>The file stays as it is until you save settings; then it is kept beside the new one as %1, so nothing in it is lost.</source>
        <translation>Die Datei bleibt unverändert, bis Sie Einstellungen speichern; dann wird sie neben der neuen als %1 aufbewahrt, sodass nichts darin verloren geht.</translation>
    </message>
</context>
<context>
    <name>StampPanel</name>
    <message>
        <source>Records the time now (Ctrl+Return)</source>
        <translation>Erfasst die Zeit jetzt (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Strg+B</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Today&apos;s total</source>
        <translation>Summe heute</translation>
    </message>
    <message>
        <source>Whose entries are shown</source>
        <translation>Wessen Einträge gezeigt werden</translation>
    </message>
    <message>
        <source>The list shows everyone&apos;s entries</source>
        <translation>Die Liste zeigt die Einträge aller</translation>
    </message>
    <message>
        <source>The list shows the entries of %1</source>
        <translation>Die Liste zeigt die Einträge von %1</translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation>Kommen</translation>
    </message>
    <message>
        <source>End break</source>
        <translation>Pause beenden</translation>
    </message>
    <message>
        <source>Start break</source>
        <translation>Pause beginnen</translation>
    </message>
    <message>
        <source>Asking TimeTrack where you stand…</source>
        <translation>Stand wird bei TimeTrack abgefragt…</translation>
    </message>
    <message>
        <source>Not clocked in.</source>
        <translation>Nicht eingestempelt.</translation>
    </message>
    <message>
        <source>Clocked in since %1 · worked %2 h · break %3 h</source>
        <translation>Eingestempelt seit %1 Uhr · Arbeitszeit %2 h · Pause %3 h</translation>
    </message>
    <message>
        <source>on a break since %1</source>
        <translation>Pause läuft seit %1 Uhr</translation>
    </message>
    <message>
        <source>Today: %1 h worked</source>
        <translation>Arbeitszeit heute: %1 h</translation>
    </message>
</context>
<context>
    <name>StatusFooter</name>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>Noch nicht gesendete Änderungen</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Entries: %1 · days: %2 · worked: %3 h · breaks: %4 h</source>
        <translation>Einträge: %1 · Tage: %2 · gearbeitet: %3 h · Pausen: %4 h</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) saved here, not yet on TimeTrack</source>
        <translation>
            <numerusform>%n Änderung hier gespeichert, noch nicht in TimeTrack</numerusform>
            <numerusform>%n Änderungen hier gespeichert, noch nicht in TimeTrack</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 held)</source>
        <translation>(%1 angehalten)</translation>
    </message>
    <message>
        <source>last sent %1</source>
        <translation>zuletzt gesendet %1 Uhr</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>TerminalText</name>
    <message>
        <source>Good morning</source>
        <translation>Guten Morgen</translation>
    </message>
    <message>
        <source>Good day</source>
        <translation>Guten Tag</translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation>Guten Abend</translation>
    </message>
    <message>
        <source>Saved on this computer; it goes to TimeTrack as soon as TimeTrack answers.</source>
        <translation>Auf diesem Computer gespeichert; geht an TimeTrack, sobald TimeTrack antwortet.</translation>
    </message>
    <message>
        <source>Worked today: %1 h</source>
        <translation>Heute gearbeitet: %1 Std.</translation>
    </message>
    <message>
        <source>%1, %2 — clocked in %3</source>
        <translation>%1, %2 — eingestempelt %3</translation>
    </message>
    <message>
        <source>Goodbye, %1 — clocked out %2</source>
        <translation>Auf Wiedersehen, %1 — ausgestempelt %2</translation>
    </message>
    <message>
        <source>Enjoy your break, %1 — break from %2</source>
        <translation>Schöne Pause, %1 — Pause ab %2</translation>
    </message>
    <message>
        <source>Welcome back, %1 — break ended %2</source>
        <translation>Willkommen zurück, %1 — Pause beendet %2</translation>
    </message>
    <message>
        <source>On a break (clocked in since %1)</source>
        <translation>In der Pause (eingestempelt seit %1)</translation>
    </message>
    <message>
        <source>Clocked in since %1</source>
        <translation>Eingestempelt seit %1</translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <source>Start break</source>
        <translation>Pause beginnen</translation>
    </message>
    <message>
        <source>End break</source>
        <translation>Pause beenden</translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation>Kommen</translation>
    </message>
    <message>
        <source>This badge or personal number is not known: %1. Nothing was stamped.</source>
        <translation>Dieser Ausweis bzw. diese Personalnummer ist unbekannt: %1. Es wurde nichts gestempelt.</translation>
    </message>
    <message>
        <source>No employee is named “%1”. Nothing was stamped.</source>
        <translation>Niemand heißt „%1“. Es wurde nichts gestempelt.</translation>
    </message>
    <message>
        <source>No PIN is set for you on this terminal. Please ask your administrator.</source>
        <translation>Für Sie ist an diesem Terminal keine PIN hinterlegt. Bitte wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <source>Nothing was stamped: %1</source>
        <translation>Es wurde nichts gestempelt: %1</translation>
    </message>
    <message>
        <source>Wrong PIN. Please try again.</source>
        <translation>Falsche PIN. Bitte noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Wrong PIN. Please wait %1 s.</source>
        <translation>Falsche PIN. Bitte %1 s warten.</translation>
    </message>
</context>
<context>
    <name>TerminalWindow</name>
    <message>
        <source>End terminal</source>
        <translation>Terminal beenden</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Name or personal number</source>
        <translation>Name oder Personalnummer</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Whose PIN</source>
        <translation>PIN-Abfrage</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation>PIN-Hinweis</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>Einen Moment bitte …</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Stamped</source>
        <translation>Gestempelt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Worked today</source>
        <translation>Heute gearbeitet</translation>
    </message>
    <message>
        <source>Nothing was stamped</source>
        <translation>Nichts gestempelt</translation>
    </message>
    <message>
        <source>Pick your name or scan your badge</source>
        <translation>Namen wählen oder Ausweis scannen</translation>
    </message>
    <message>
        <source>Type your user name and press Enter</source>
        <translation>Benutzernamen eingeben und Enter drücken</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Administrator PIN to end the terminal</source>
        <translation>Administrator-PIN zum Beenden des Terminals</translation>
    </message>
    <message>
        <source>%1, please type your PIN</source>
        <translation>%1, bitte PIN eingeben</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Connect TimeClock to TimeTrack</source>
        <translation>TimeClock mit TimeTrack verbinden</translation>
    </message>
</context>
<context>
    <name>ZoneNotice</name>
    <message>
        <source>The time zone TZ=&quot;%1&quot; is not one TimeClock can read, so times are shown and entered in UTC. Set TZ to a zone such as Europe/Berlin and start TimeClock again.</source>
        <translation>Die Zeitzone TZ=&quot;%1&quot; kann TimeClock nicht lesen, deshalb werden Zeiten in UTC angezeigt und eingegeben. Setzen Sie TZ auf eine Zone wie Europe/Berlin und starten Sie TimeClock neu.</translation>
    </message>
</context>
</TS>
