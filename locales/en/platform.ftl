# Start-up and operation of the bot itself.
start-your-id = Your Telegram ID: { $id }. The bot's administrator puts it into ADMIN_IDS or gives you a role with an invitation.
