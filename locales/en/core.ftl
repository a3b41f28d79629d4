# Core bot texts: welcome, menu, help, invites, errors.

role-teacher = teacher
role-school_coordinator = school coordinator
role-municipal_coordinator = municipal coordinator
role-observer = public observer
role-hotline_specialist = hotline specialist
role-admin = administrator

start-welcome =
    Hello, { $name }!
    I am Objektiv: I take in ВПР results, help to spot signs of biased assessment, run the public observers and the parents' hotline.
start-your-roles = Your roles: { $roles }.
start-no-roles = If you are a parent, press «☎️ Hotline»: there you can ask a specialist a question and subscribe to your child’s school news. School and education-office staff get access by invitation — ask your coordinator for a link.
start-menu-hint = What would you like to do?

invite-accepted = Invitation accepted. Your new role: { $role }{ $scope ->
    [none] .
   *[other] {" "}({ $scope }).
}
invite-not_found = There is no such invitation. Check the link or ask the sender for a new one.
invite-expired = This invitation has expired. Ask the sender for a new link.
invite-used = This invitation has already been used: each link works once. Ask for a new link.

menu-upload = 📥 Upload results
menu-analysis = 📊 Results analysis
menu-observers = 👁 Observers
menu-hotline = ☎️ Hotline
menu-alerts = ⏰ Deadlines and alerts
menu-invite = ✉️ Invite
menu-language = 🌐 Язык / Language
menu-not-allowed = This section is available by invitation. If you work at a school or an education office, ask your coordinator for a link.

help-title = What I can do for you:
help-start = /start — main menu
help-help = /help — this help
help-language = /language — change the language
help-cancel = /cancel — stop the current dialog
help-upload = /upload — upload a ВПР results file (or just send an .xlsx)
help-template = /template — the results file template
help-analysis = /analysis — results summary and reports
help-invite = /invite — invite a colleague: a link for the role of { $roles }
help-invites = /invites — open invites: review and revoke
help-move = /move — move a school to another municipality, e.g. /move edu223017 город Барнаул
help-parent = To ask the hotline a question, just write it here. School staff get access by invitation.
help-hotline = /hotline — the hotline: ask a question, your questions, school news
help-tickets = /tickets — open hotline tickets; /faq — the FAQ
help-broadcast = /broadcast — an announcement to a grade's parents; /hotline_stats — hotline statistics

invite-choose-role = Whom would you like to invite? Choose a role:
invite-ask-school = Send the school's FIS OKO login, e.g. edu223017 or sch220206.
invite-ask-municipality = Send the municipality's name, e.g. «город Барнаул».
invite-ask-school-municipality = The directory does not say which municipality school { $login } is in. Send the municipality's name, e.g. «город Новоалтайск».
invite-error-school_municipality_expected = Please name the school's municipality.
invite-created =
    Invitation link for the role of {"\u00ab"}{ $role }{"\u00bb"}{ $scope ->
        [none] {""}
       *[other] {" "}({ $scope })
    }:
    { $link }
    The link works once and is valid until { $expires }. Forward it to your colleague.
invite-error-role_not_allowed = You may not invite people to this role.
invite-error-school_login_expected = I did not recognise the school login. A FIS OKO login is edu and six digits, e.g. edu223017.
invite-error-municipality_expected = Please give the municipality's name.
invite-error-municipality_not_found = There is no such municipality in the directory.
invite-municipality-did-you-mean = There is no municipality "{ $name }" in the directory. Did you mean one of these? If not, I will create a new one.
invite-municipality-new = No, create "{ $name }"
invite-error-out_of_scope = This school or municipality is outside your area.
invite-error-school_not_in_directory = There is no school with the login { $login } in the directory, so no invite was made. Check the login and start again (/invite). If the school is new, ask an administrator to add it.
invite-not-allowed = Administrators and coordinators can invite colleagues.

language-choose = Choose a language:
language-set = Done, I now speak English.

cancel-done = All right, cancelled.
cancel-nothing = There is nothing to cancel.

unknown-command = I do not know the command { $command }. Here is what you can do:
unknown-text = I did not understand that. Press /start to open the menu, or /help to see what I can do. If it is a question for the hotline, press the button below.
unknown-stale-button = This button no longer works. Open the menu again: /start
tap-stale = This button no longer works: its choice was made already or the dialog has ended. Use the buttons of the latest message.

error-generic = Sorry, something went wrong. We are looking into it; please try again a little later.
error-unavailable = The service is temporarily unavailable, please try again in a minute. Nothing you sent before is lost.
rate-limited = Too many messages in a row. Please wait a minute.
not-allowed = You are not allowed to do this.
