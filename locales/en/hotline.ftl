# The hotline: parents' questions, specialists' answers, FAQ, statistics; parents' subscriptions and announcements.

## Topics and statuses

hotline-topic-dates = Dates and organisation
hotline-topic-results = Results
hotline-topic-objectivity = Complaint about unfair assessment
hotline-topic-other = Other

hotline-status-new = new
hotline-status-in_progress = in progress
hotline-status-answered = answered
hotline-status-closed = closed

hotline-anonymous = Anonymous
hotline-school-none = not given
hotline-grade = grade { $grade }

## Menu

hotline-menu =
    ☎️ Hotline on assessment procedures (ВПР)

    Ask the education office's specialists about the dates and organisation of ВПР, the results, fair assessment. The answer comes here, usually within { $hours } working hours. You may stay anonymous.

    Subscribe to your school's news to get the announcements for the parents of your child's grade.
hotline-menu-staff =
    ☎️ Hotline on assessment procedures (ВПР) — for the staff

    Parents ask the bot; their tickets come to the specialists' group or to the private chat with the bot. The first answer is due within { $hours } working hours, else the bot tells the municipal coordinator.

    Choose what to do:
hotline-menu-ask = ❓ Ask a question
hotline-menu-mine = 📋 My questions
hotline-menu-subscribe = 🔔 Follow a school's news
hotline-menu-subscriptions = 📬 My subscriptions
hotline-menu-open = 📥 Open tickets
hotline-menu-faq = 📚 FAQ
hotline-menu-stats = 📊 Hotline statistics
hotline-menu-broadcast = 📣 Announcement to parents

## Asking

hotline-ask-add-or-new = You have an open question. Add this message to it, or is it a new question?
hotline-ask-add-to = Add to question No. { $id } ({ $topic })
hotline-ask-new-question = It is a new question
hotline-added = I added your message to question No. { $id }. The specialist will see it.
hotline-add-failed = Could not add the message to question No. { $id }: it is already closed. Ask a new question: /ask
hotline-ask-topic = What is your question about? Choose a topic:
hotline-ask-topic-chosen = Topic: { $topic }
hotline-ask-question = Write your question in one message. You may attach a photo or a document — add the question as its caption.
hotline-ask-question-kinds = I take a question as text, a photo or a document. To leave, press /cancel.
hotline-faq-intro = Perhaps your question is already answered:
hotline-faq-did-it-help = Does this answer your question?
hotline-faq-answer-helped = The answer was among the frequent questions.
hotline-faq-answer-not-helped = No answer among the frequent questions — your question goes to a specialist.
hotline-faq-helped = ✅ Yes, thank you
hotline-faq-not-helped = ✉️ No, send my question to a specialist
hotline-faq-glad = Glad the answer was there! If you have other questions, just write here.
hotline-ask-school = Name the school — your question then reaches the specialist of your district sooner. Write the school's number or name, e.g. "school 5" or "гимназия 79". You may skip this.
hotline-ask-school-followed = Name the school — your question then reaches the specialist of your district sooner. Choose a school you follow, or write another school's number or name. You may skip this.
hotline-ask-grade = Which grade is your child in? You may skip this.
hotline-ask-anonymity = Show your name to the specialist? If you choose "anonymous", the specialist sees neither your name nor your Telegram profile. The answer still comes here.
hotline-ask-anonymity-named = The specialist will see your name.
hotline-ask-anonymity-anonymous = Anonymous: the specialist sees neither your name nor your profile.
hotline-ask-show-name = 👤 Show my name
hotline-ask-anonymous = 🕶 Anonymous
hotline-ask-failed = Your question could not be taken. Please try again: /ask
hotline-ticket-created =
    ✅ Question No. { $id } received.
    A specialist will answer here, in this chat, usually within { $hours } working hours. To add to your question, just write here.
hotline-ticket-created-anonymous =
    ✅ Question No. { $id } received. The specialist will not see your name.
    The answer comes here, in this chat, usually within { $hours } working hours. To add to your question, just write here.

## Picking a school and a grade

pick-school-skip = Skip
pick-school-type = Write the school's number or name, or press a button.
pick-school-none = No school found for "{ $query }". Try another way: only the number ("5") or a word of the name ("гимназия").
pick-school-found = Choose the school from the list or try another search:
pick-school-gave-up = The school could not be found. Please try later or check its name with the school.
pick-school-gave-up-optional = The school could not be found — let us go on without it.
pick-grade-skip = Skip
pick-school-chosen = School: { $school }
pick-school-not-given = not given
pick-grade-chosen = Grade: { $grade }
pick-grade-not-given = Grade: not given
pick-use-buttons = Please choose with a button. To leave, press /cancel.

## The asker's questions

hotline-mine-none = You have no open questions.
hotline-mine-title = Your questions:
hotline-mine-line = No. { $id } · { $topic } · { $status } · of { $date }
hotline-mine-hint = To add to an open question, reply to the specialist's message or just write here.
hotline-button-rate = { $rating } ⭐
hotline-button-user-reopen = 🔄 Reopen the question
hotline-button-user-reopen-id = 🔄 Reopen No. { $id }
hotline-rated-closed = Thank you for the rating ({ $rating } of 5)! Question No. { $id } is closed. If anything comes up, just write here.
hotline-rated = Thank you for the rating ({ $rating } of 5)!
hotline-already-rated = You have already rated the answer to question No. { $id }. Thank you!
hotline-ticket-unknown = No such question. See the list: /mytickets
hotline-reopened = Question No. { $id } is open again. Write what is still unclear — a specialist will answer here.
hotline-reopen-not_closed = Question No. { $id } is still open: just write what you want to add.
hotline-reopen-already_reopened = Question No. { $id } has been reopened once already. Please ask a new question: /ask
hotline-reopen-too_late = Question No. { $id } was closed more than { $days } days ago and cannot be reopened. Please ask a new question: /ask
hotline-closed-ticket = Question No. { $id } is already closed. You may reopen it or ask a new question.

## Relays

hotline-relay-from-user = 👤 { $sender } · ticket No. { $id }:
hotline-relay-answer = 💬 The specialist's answer to question No. { $id }:
hotline-relay-answer-footer = If your question is solved, rate the answer — the question will be closed. If not, reply to this message or just write here.
hotline-relay-staff-in-topic = ↩️ Answer ({ $name }, { $at }):
hotline-relay-note-in-topic = 📝 Note ({ $name }, { $at }):
hotline-relay-attachment-lost = [the attachment was in the deleted topic and is lost]
hotline-history-attachment = [attachment]

hotline-topic-name = No. { $id } · { $topic } · { $status }
hotline-card =
    📨 Ticket No. { $id }
    Topic: { $topic }
    School: { $school }{ $grade ->
        [0] {""}
       *[other] , grade { $grade }
    }
    From: { $sender }
    Created: { $created }

    { $where ->
        [private] Answer with the «✍️ Answer» button: it goes to the user from the hotline.
       *[topic] Answer with a message in this topic: it goes to the user from the hotline. A message starting with "!" is an internal note the user never sees. /faq in reply to your message saves the question and the answer to the FAQ.
    }
hotline-button-take = 🙋 Take
hotline-button-close = ✅ Close
hotline-button-reopen = 🔄 Reopen
hotline-button-answer = ✍️ Answer
hotline-button-to-faq = 📚 Save to FAQ

## Events

hotline-event-taken = 🙋 { $name } took the ticket.
hotline-event-closed-user = ✅ The user closed the ticket.
hotline-event-closed-user-rated = ✅ The user rated the answer: { $rating } of 5. The ticket is closed.
hotline-event-closed-auto = ✅ Closed automatically: the user did not write for a long time after the answer.
hotline-event-closed-staff = ✅ { $name } closed the ticket.
hotline-event-reopened-user = 🔄 The user reopened the ticket.
hotline-event-reopened-staff = 🔄 { $name } reopened the ticket.
hotline-event-escalated = ⏰ No answer for more than { $hours } working hours: the municipal coordinator has been told.
hotline-event-blocked = ⚠️ The answer to ticket No. { $id } was not delivered: the user blocked the bot.
hotline-history-blocked = ⚠️ The answer was not delivered: the user blocked the bot.
hotline-event-in-private = No. { $id } · { $event }
hotline-notice-closed-staff = ✅ The specialist closed question No. { $id }. Please rate the answer. If the question remains, reopen it.
hotline-notice-closed-auto = ✅ Question No. { $id } is closed: you have not written for a long time after the answer. If the question remains, reopen it.
hotline-notice-reopened = 🔄 The specialist reopened question No. { $id }. The answer will come here.

## Specialists

hotline-link-not-forum = The hotline needs a group with topics. Turn topics on in the group settings and repeat /hotline_link.
hotline-link-not-admin = Make the bot an administrator of the group allowed to manage topics and repeat /hotline_link.
hotline-link-not-allowed = Admins and municipal coordinators link a hotline group.
hotline-linked = The group is linked to the hotline. Every new ticket gets its own topic here.
hotline-linked-municipality = The group is linked to the hotline: { $municipality }. Every new ticket gets its own topic here.
hotline-unlinked = The group is unlinked from the hotline. Specialists will get new tickets in private chats with the bot.
hotline-unlink-not-linked = This group is not linked to the hotline.
hotline-topic-closed = Ticket No. { $id } is closed, the answer was not sent. To answer, reopen it first with the "Reopen" button.
hotline-topic-not-staff = Only hotline specialists answer users. The message was not sent.
hotline-taken = Ticket No. { $id } is yours.
hotline-closed = Ticket No. { $id } is closed.
hotline-staff-reopened = Ticket No. { $id } is open again.
hotline-staff-refused-closed = Ticket No. { $id } is closed. Reopen it first.
hotline-staff-refused-unchanged = That has already been done with ticket No. { $id }.
hotline-staff-refused-not_allowed = This ticket is outside your area, or you do not hold the hotline specialist role.
hotline-staff-refused-not_found = Ticket No. { $id } was not found.
hotline-answer-in-private = Answer in a private chat with the bot or with a message in the ticket's topic.
hotline-answer-prompt = Write the answer to ticket No. { $id } in one message (a photo or a document is fine). The user will not see your name. Cancel: /cancel
hotline-answer-sent = The answer to ticket No. { $id } has been sent.
hotline-open-none = No open tickets.
hotline-open-title = Open tickets: { $count }. The longest waiting first.
hotline-open-line =
    No. { $id } · { $topic } · { $status } · waiting { $waited } working h
    { $asker }: { $preview }
hotline-history-user = 👤 { $author }, { $at }:
    { $text }
hotline-history-staff = 💬 { $author }, { $at }:
    { $text }
hotline-history-note = 📝 { $author }, { $at }:
    { $text }
hotline-history-event = { $at }: { $text }
hotline-faq-saved = 📚 The question and the answer are saved to the FAQ as No. { $id }. Check in /faq that the question holds no personal details and rephrase it if needed.
hotline-faq-no_answer = This ticket has no text answer of a specialist: nothing to save to the FAQ.
hotline-faq-no_question = This ticket has no text question: nothing to save to the FAQ.

hotline-escalation =
    ⏰ Ticket No. { $id } has waited { $waited } working hours for an answer (the norm is { $norm }).
    Topic: { $topic }. School: { $school }{ $grade ->
        [0] {""}
       *[other] , grade { $grade }
    }.
    See it and answer: /tickets
hotline-digest-title = ☀️ Open tickets this morning: { $count }
hotline-digest-line = No. { $id } · { $topic } · { $status } · waiting { $waited } working h{ $assignee ->
        [none] {""}
       *[other] {" "}· { $assignee }
    }

## Statistics

hotline-stats-text =
    📊 The hotline in { $month }
    Tickets: { $tickets }
    · dates and organisation — { $dates }
    · results — { $results }
    · complaints about unfair assessment — { $objectivity }
    · other — { $other }
    Answered: { $answered }; median first answer — { $median } working h
    Ratings: { $rated }, mean — { $mean }
    Escalated to the coordinator: { $escalated }
    Closed automatically: { $auto }
    Questions solved by an FAQ answer: { $faq }
hotline-stats-caption = Tickets of { $month } (XLSX)
hotline-stats-this-month = This month
hotline-stats-last-month = Last month
hotline-stats-not-allowed = Hotline statistics are for municipal coordinators and admins.
hotline-stats-bad-month = I did not understand the month.
hotline-stats-sheet-summary = Summary
hotline-stats-sheet-tickets = Tickets
hotline-stats-month = Month
hotline-stats-tickets = Tickets
hotline-stats-answered = Answered
hotline-stats-median-hours = Median first answer, working hours
hotline-stats-rating = Rating { $rating }
hotline-stats-mean-rating = Mean rating
hotline-stats-escalated = Escalated to the coordinator
hotline-stats-auto-closed = Closed automatically
hotline-stats-faq = Solved by an FAQ answer
hotline-stats-col-id = No.
hotline-stats-col-created = Created
hotline-stats-col-topic = Topic
hotline-stats-col-school = School
hotline-stats-col-grade = Grade
hotline-stats-col-status = Status
hotline-stats-col-first-response = First answer, working h
hotline-stats-col-rating = Rating
hotline-stats-col-escalated = Escalated
hotline-stats-col-question = Question
hotline-stats-yes = yes

## FAQ

faq-title = 📚 FAQ: { $count } (page { $page } of { $pages }). Tap a question to read or change it.
faq-button-add = ➕ Add
faq-button-export = 📤 Download XLSX
faq-button-import = 📥 Upload XLSX
faq-button-edit-question = ✏️ Question
faq-button-edit-answer = ✏️ Answer
faq-button-delete = 🗑 Delete
faq-button-delete-yes = Yes, delete
faq-delete-confirm = Delete question No. { $id } from the FAQ?
faq-deleted = Question No. { $id } is deleted from the FAQ.
faq-not-found = There is no such question in the FAQ.
faq-not-allowed = Hotline specialists keep the FAQ.
faq-ask-question = Write the question as a parent would ask it (up to 300 characters).
faq-ask-answer = Now write the answer (up to 3500 characters).
faq-ask-new-question = Write the new wording of question No. { $id }.
faq-ask-new-answer = Write the new answer to question No. { $id }.
faq-saved = Saved to the FAQ: No. { $id }.
faq-too_long-question = The question is longer than 300 characters. Shorten it and try again.
faq-too_long-answer = The answer is longer than 3500 characters. Shorten it and try again.
faq-empty-question = The question is empty. Please try again.
faq-empty-answer = The answer is empty. Please try again.
faq-export-caption = The hotline FAQ. Edit questions and answers, add new rows without a number and send the file back with "Upload XLSX".
faq-import-send = Send an XLSX with the columns «№», «Вопрос», «Ответ» (as in the download). A row with a number changes that question, a row without one adds a new question.
faq-imported = FAQ updated: { $added } added, { $updated } changed.
faq-import-refused = The file was not accepted, the FAQ is unchanged:
faq-import-too-large = The file is over 20 MB — the bot cannot download it.
faq-problem-row = Row { $row }:
faq-problem-question-missing = no question.
faq-problem-answer-missing = no answer.
faq-problem-question-too-long = the question is longer than 300 characters.
faq-problem-answer-too-long = the answer is longer than 3500 characters.
faq-problem-id-unknown = the FAQ has no question with this number; leave the number empty to add a new one.
faq-problem-id-duplicate = this number appeared above already.
faq-problem-no-rows = the file holds no question.
faq-problem-header-missing = the first row of the first sheet has no «Вопрос» and «Ответ» columns.

## Parents' subscriptions and announcements

parents-ask-school = Which school's news do you want? Write the school's number or name, e.g. "school 5".
parents-ask-grade = Which grade is your child in?
parents-subscribed = 🔔 Done! You will get the announcements for parents: { $school }, grade { $grade }. Unsubscribe in "My subscriptions".
parents-already-subscribed = You are already subscribed: { $school }, grade { $grade }.
parents-subscribe-failed = The subscription failed. Please try again: /subscribe
parents-none = You follow no school's news.
parents-title = Your subscriptions:
parents-line = · { $school }, grade { $grade }
parents-unsubscribe-hint = Tap a subscription to cancel it.
parents-unsubscribe-button = ✖️ { $school }, gr. { $grade }
parents-unsubscribed = Subscription cancelled.
parents-unsubscribe-unknown = That subscription no longer exists.
parents-broadcast-header = 📣 Announcement for parents: { $school }, grade { $grade }
parents-bc-school-own = Which school is the announcement for? Choose it or write its number or name.
parents-bc-school = Which school is the announcement for? Write the number or name of a school of your municipality.
parents-bc-grade = For the parents of which grade?
parents-bc-text = Parents subscribed: { $recipients }. Write the announcement in one message (up to 3500 characters): dates of the procedures, what ВПР is for and how its marks are (not) used, results published.
parents-bc-preview =
    Check the announcement.
    To: parents, { $school }, grade { $grade } — { $recipients } people.

    { $text }
parents-bc-send = 📣 Send
parents-bc-cancel = Cancel
parents-bc-sent = Announcement No. { $id } is queued for { $recipients } recipients. The messages go out gradually, within Telegram's limits.
parents-bc-not-allowed = School and municipal coordinators send announcements to parents — for their own schools.
parents-bc-refused-empty = The announcement is empty.
parents-bc-refused-too_long = The announcement is longer than 3500 characters. Please shorten it.
parents-bc-refused-bad_grade = The grade must be 1 to 11.
parents-bc-refused-not_allowed = This school is outside your area.
parents-bc-refused-not_found = This school is not in the directory.

unknown-ask-hotline = ☎️ Ask the hotline
