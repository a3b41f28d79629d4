# /invites: открытые приглашения и их отзыв.
invites-none = Открытых приглашений нет.
invites-head = Открытые приглашения: { $count }. Каждое можно отозвать — ссылка перестанет действовать.
invites-item = { $role }{ $scope ->
    [none] {""}
   *[other] {" "}({ $scope })
}, действует до { $expires }
invites-revoke = Отозвать
invites-more = …и ещё { $count }. Отзовите ненужные выше, затем отправьте /invites снова.
invites-revoked = Приглашение отозвано: ссылка больше не действует.
invites-revoke-closed = Это приглашение уже использовано или истекло — отзывать нечего.
invites-revoke-not-allowed = Отозвать можно только свои приглашения.
