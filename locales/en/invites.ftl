# /invites: open invites and revoking them.
invites-none = There are no open invites.
invites-head = Open invites: { $count }. Each can be revoked: its link stops working.
invites-item = { $role }{ $scope ->
    [none] {""}
   *[other] {" "}({ $scope })
}, valid until { $expires }
invites-revoke = Revoke
invites-more = …and { $count } more. Revoke the ones above you no longer need, then send /invites again.
invites-revoked = The invite is revoked: its link no longer works.
invites-revoke-closed = This invite was used or has expired: nothing to revoke.
invites-revoke-not-allowed = You can revoke only your own invites.
