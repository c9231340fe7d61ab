<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer, not yet on TimeTrack: it is sent as soon as TimeTrack can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocked in, not yet clocked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack keeps this entry to the second and counts the worked time from the seconds, so the times are shown with them here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <source>The entry was changed or deleted on TimeTrack meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkBreakDialog</name>
    <message>
        <source>Set break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Break:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why these entries of another employee change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the break of these %1 entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The break must be shorter than the time from start to end; it is not for %1 of these entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkDeleteDialog</name>
    <message>
        <source>Delete entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why these entries of another employee go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete these %1 entries from TimeTrack?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: some of these entries belong to another employee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 entries did not go through: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Entry deleted on TimeTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry changed on TimeTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the choices do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was deleted on TimeTrack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this entry on TimeTrack after you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone deleted this entry after you opened it. Your change has not been saved: create the entry again with your values, or discard your change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change has not been saved. Compare the versions and choose which to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new manual entry with the values of your change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard my change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the form; the entry stays deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the fields you changed on top of the version on TimeTrack now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the form without saving your change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version on TimeTrack now in the form, with your changes on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As you opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As it is on TimeTrack now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed on TimeTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Create it again” makes a new manual entry with the values under “Your change”. “Discard my change” closes the form; the entry stays deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Keep mine” saves what “Your change” shows: the fields you changed (%1) on top of the version on TimeTrack now; everything else stays as it is there. “Take theirs” closes the form without saving your change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Keep mine” is not possible: %1 Go back to editing to fix it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time clock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionHeader</name>
    <message>
        <source>Signed in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeClock ran into an unexpected error (%1). Your entries on TimeTrack are not affected; the window keeps working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this entry from TimeTrack? Undo brings it back as a new entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this entry of another employee goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: this entry belongs to another employee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskReminders</name>
    <message>
        <source>Snooze the reminder (%1 min)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskSettingsPage</name>
    <message>
        <source>&amp;Keep TimeClock running in the tray when its window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still clocked in after hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off, or a time such as 17:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry left &amp;open since an earlier day, when TimeClock starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind of an entry left open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 h of &amp;work without a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind of a missing break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still clocked in &amp;after (hours):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still clocked in at the &amp;end of the day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind only &amp;between:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze for (minutes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders come on working days only: the days with target hours in the working model, public holidays excepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a time from 00:00 to 23:59, such as 17:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter two times from 00:00 to 23:59, such as 06:00-22:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two times must differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter hours from 1 to 24, such as 10 or 9,5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter whole minutes from 1 to 240.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskTray</name>
    <message>
        <source>TimeClock tray menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show TimeClock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit TimeClock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeClock: asking TimeTrack where you stand…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clocked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocked in since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a break since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1 h worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeClock keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeClock is still here, in the tray. Click its icon to show the window; quit it from the icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployeeSummaryModel</name>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(computed here)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;break…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo of the new entry of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo of the deletion of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo of the correction of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1 new entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo the correction of %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo the deletion of %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo the new entry of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo the correction of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo the deletion of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Edit entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix a change not yet on TimeTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Break:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this change waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: this entry was deleted on TimeTrack meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: someone else changed this entry meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form now shows the entry as it is on TimeTrack, with your changes on top. Check it and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this entry of another employee changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: this entry belongs to another employee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry starts in the future (%1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlaps another entry of this user: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day&apos;s breaks of %1 min are less than the %2 min the law asks for %3 h of work that day (ArbZG §4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A break of %1 min is less than the %2 min the law asks for %3 h of work (ArbZG §4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(from %1 to %2 to the second, as TimeTrack keeps them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Targets, holidays and absences were computed here (working model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 (%2, employees: %3) to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections made here: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My records (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown user (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (Excel, semicolons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF timesheet to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file and export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole &amp;month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Days from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timesheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotals per employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show worked time and breaks per employee below the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a user name, first or last name or personal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No names: this API key may not read TimeTrack&apos;s employee directory (HTTP %1). Type user names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No names: this TimeTrack server has no employee directory (HTTP %1). Type user names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack&apos;s directory has no user “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Not clocked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 10 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holiday work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FooterBalance</name>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target: %1 h · difference: %2 h · balance: %3 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(computed here)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections of this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No corrections of this entry were made from this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>break %1 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>The demo cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockBreakDialog</name>
    <message>
        <source>Was that a break?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record this time as a break?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record as break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the locked time as a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No, I was working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not record a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen was locked from %1 to %2 (%3 min) while you were clocked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen was locked %1 (%2 min in all) while you were clocked in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TimeClock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotals per employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click an employee to show only their entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock in/out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start/end break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not yet sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open entry…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>TimeTrack rejected the API key or secret (HTTP %1). Check them in TimeTrack under Settings / General / API; the secret may have been regenerated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 no longer exists on TimeTrack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack does not know this address; check the account URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack refused the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack asks to slow down (too many requests); try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack had a problem (HTTP %1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack sent an answer this program cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time does not exist on the local clock (the clocks go forward).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time occurs twice on the local clock (the clocks go back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is neither a TimeTrack account name nor an https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to TimeTrack is not set up yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry was discarded before it reached TimeTrack; it no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another TimeClock on this computer is sending changes right now; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another TimeClock on this computer is stamping right now; nothing was stamped. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local file cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A break is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No break is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end lies before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The break cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The break must be shorter than the time from start to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked, so the API key and secret cannot be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring does not work, so the API key and secret cannot be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1. The entry was changed or deleted on TimeTrack meanwhile. Open Entries &gt; Changes not yet sent to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1. Its answer was lost, and more than one entry on TimeTrack fits it, so it may be there already. Check the list, then open Entries &gt; Changes not yet sent to discard it or try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1. The new entry it changes was discarded before it reached TimeTrack. Open Entries &gt; Changes not yet sent to discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change saved on this computer cannot be read by this TimeClock (saved by a newer version, or damaged). Open Entries &gt; Changes not yet sent to discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack refused a change saved on this computer: %1 (%2). Open Entries &gt; Changes not yet sent to fix or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change no longer waited; nothing was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not discarded: it had already reached TimeTrack as entry #%1 (its answer was lost). To remove it, delete the entry in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded here. It may already have reached TimeTrack; check the list before entering it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded. TimeTrack will not get this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are also clocked in since %1 (entry #%2), probably at another desk. Open the entry to set its end, or delete it in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are also clocked in since %1 (an entry not yet on TimeTrack). Open the entry to set its end, or delete it in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on this computer. TimeTrack will delete the entry as soon as it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer. TimeTrack gets the change as soon as it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list shows the entries as last seen on %1 at %2, with the changes waiting here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this entry on TimeTrack after your change was saved here. The form shows TimeTrack&apos;s version with your change on top: check it and save, or cancel to leave the change waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack did not take this change. Correct it and save, or cancel to leave it waiting. Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry no longer exists on TimeTrack, so the change cannot be fixed; discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry cannot be longer than 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are already clocked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not clocked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system has no keyring to keep the API key and secret safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack at %1 did not answer in time; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security certificate of %1 is not trusted, so the connection was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach TimeTrack at %1; check the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 broke before the answer arrived; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack says: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeedsAttentionDialog</name>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was looked at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holidays are not checked: no German state is set in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the entry to correct it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for what needs attention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs attention for %1 from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 finding for %1 from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%4 findings for %1 from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Changes not yet on TimeTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is on TimeTrack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) wait, %1 of them held until you decide.</source>
        <translation>
            <numerusform>%n change waits, %1 of them held until you decide.</numerusform>
            <numerusform>%n changes wait, %1 of them held until you decide.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry of %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: its answer was lost and more than one entry on TimeTrack fits it; check the list, then discard it or try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: the new entry it changes was discarded before it reached TimeTrack; discard this change too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: saved by a newer TimeClock, or damaged; it can only be discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>break %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: the entry was changed or deleted on TimeTrack meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change this TimeClock cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewCanvas</name>
    <message>
        <source>Worked time against target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No employees with days in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period (Alt+Left, Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next period (Alt+Right, Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the targets come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day in focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone (team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 employees: worked %2 h of %3 h target, difference %4 h; %5 day(s) need attention. Double-click or Enter on a row shows that employee alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week %1: %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewLegend</name>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At or over target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short of target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent (vacation U, sick K, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry left open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewText</name>
    <message>
        <source>Worked %1 h of %2 h target, difference %3 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break %1 h · balance %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holiday: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to come: no target yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: worked %2 h of %3 h target, difference %4 h; %5 day(s) absent, %6 public holiday(s), %7 day(s) need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets, holidays and absences are computed here from this computer&apos;s working model (Settings): TimeTrack offers no daily reports.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeClock: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;nooze %1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Entry still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your entry of %1 from %2 was never clocked out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enter the end…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click here to enter when you stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have worked %1 h since %2 without a break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click here to start a break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is %1 and you are still clocked in (since %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still clocked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have been clocked in for %1 h, since %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click here to clock out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionSettingsGroup</name>
    <message>
        <source>Log-in and screen lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start TimeClock when I lo&amp;g in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start TimeClock when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked screen as a possible break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the screen was locked at least this long while you were clocked in, TimeClock asks whether it was a break. Nothing of it leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked screen as a b&amp;reak after (minutes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeClock cannot be set to start when you log in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeClock cannot stop starting when you log in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter whole minutes from 1 to %1, or leave it empty for off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the &amp;desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo: it runs on a sandbox inside TimeClock with made-up employees and needs no API key. Nothing is sent anywhere, and the demo&apos;s account is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack refused the API key or secret. Enter them again as shown in TimeTrack under Settings / General / API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeTrack account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account name or https:// address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how key and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the TimeTrack account (its name or API address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API key and the API secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key and secret may contain only letters, digits and punctuation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the desk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the API key and secret for this session only? TimeClock forgets them when it closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <source>Settings file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeClock cannot read its settings file and starts with the default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file stays as it is until you save settings; then it is kept beside the new one as %1, so nothing in it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StampPanel</name>
    <message>
        <source>Records the time now (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose entries are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list shows everyone&apos;s entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list shows the entries of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking TimeTrack where you stand…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clocked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocked in since %1 · worked %2 h · break %3 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on a break since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1 h worked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusFooter</name>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries: %1 · days: %2 · worked: %3 h · breaks: %4 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) saved here, not yet on TimeTrack</source>
        <translation>
            <numerusform>%n change saved here, not yet on TimeTrack</numerusform>
            <numerusform>%n changes saved here, not yet on TimeTrack</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalText</name>
    <message>
        <source>Good morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer; it goes to TimeTrack as soon as TimeTrack answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked today: %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 — clocked in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye, %1 — clocked out %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enjoy your break, %1 — break from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome back, %1 — break ended %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a break (clocked in since %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocked in since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This badge or personal number is not known: %1. Nothing was stamped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No employee is named “%1”. Nothing was stamped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PIN is set for you on this terminal. Please ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was stamped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. Please wait %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalWindow</name>
    <message>
        <source>End terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or personal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was stamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick your name or scan your badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your user name and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator PIN to end the terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, please type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Connect TimeClock to TimeTrack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZoneNotice</name>
    <message>
        <source>The time zone TZ=&quot;%1&quot; is not one TimeClock can read, so times are shown and entered in UTC. Set TZ to a zone such as Europe/Berlin and start TimeClock again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
