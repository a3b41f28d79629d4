# /move: an admin moves a school to another municipality.
move-usage = Send the school's login and the municipality, e.g. /move edu223017 город Барнаул
move-not-allowed = Only an admin can move schools between municipalities.
move-school_login_expected = I did not recognise the school's login. A FIS OKO login looks like edu223017. Example: /move edu223017 город Барнаул
move-school_not_found = School { $login } is not in the directory.
move-municipality_expected = Name the municipality after the login, e.g. /move { $login } город Барнаул
move-municipality-unknown = The directory has no municipality «{ $name }».{ $suggestions ->
    [none] {""}
   *[other] {" "}Did you mean { $suggestions }?
}
move-done = School { $school } moved{ $from ->
    [none] {""}
   *[other] {" "}from «{ $from }»
} to «{ $to }». Its results are now seen by that municipality's coordinators.
