# Start-up and operation of the bot itself.
start-your-id = Ваш Telegram ID: { $id }. Администратор бота указывает его в ADMIN_IDS или выдаёт вам роль приглашением.
