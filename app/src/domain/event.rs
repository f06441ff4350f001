//! What the customer-side audit trail records, typed: the event kinds (stored as their code in
//! `auth_events.kind`) and how a person proved who they are (`SignInProof`, stored as its code).
//! The security page names both in the reader's language from these types; nothing parses text.

codes! {
    /// A customer-side event (sign-in, a change to the login, an action staff took on it).
    EventKind {
        Register = "register",
        ActivationResent = "activation_resent",
        Activate = "activate",
        Login = "login",
        LoginSecondStep = "login_second_step",
        LoginPasskey = "login_passkey",
        LoginTemporary = "login_temporary",
        Logout = "logout",
        DeviceCode = "device_code",
        DeviceAuthorised = "device_authorised",
        DeviceRevoked = "device_revoked",
        SessionRevoked = "session_revoked",
        Link = "link",
        PasswordResetRequested = "password_reset_requested",
        PasswordReset = "password_reset",
        PasswordChanged = "password_changed",
        AccountUnlock = "account_unlock",
        TemporaryLoginSetupStarted = "temporary_login_setup_started",
        TemporaryLoginSetup = "temporary_login_setup",
        Reauthenticate = "reauthenticate",
        TotpEnabled = "totp_enabled",
        TotpDisabled = "totp_disabled",
        PasskeyAdded = "passkey_added",
        PasskeyRemoved = "passkey_removed",
        RecoveryCodesRegenerated = "recovery_codes_regenerated",
        SignInCodeChanged = "sign_in_code_changed",
        ProfileUpdated = "profile_updated",
        EmailChangeRequested = "email_change_requested",
        EmailChanged = "email_changed",
        SessionsEndedByStaff = "sessions_ended_by_staff",
        SignInMethodsReset = "sign_in_methods_reset",
        StaffSignIn = "staff_sign_in",
        UsernameReminder = "username_reminder",
        PhoneChanged = "phone_changed",
    }
}

codes! {
    /// How a person proved who they are: stored on the session (`method`: the sign-in,
    /// `reauth_method`: the last re-authentication) and as the detail of a second-step event.
    SignInProof {
        Password = "password",
        TemporaryPassword = "temporary_password",
        DeviceCode = "device_code",
        OneTimeCode = "one_time_code",
        Authenticator = "authenticator",
        RecoveryCode = "recovery_code",
        Passkey = "passkey",
    }
}

impl EventKind {
    /// The catalogue key of the event's name (`security.ftl`).
    pub fn label_key(self) -> String {
        format!("event-{}", self.code().replace('_', "-"))
    }
}

impl SignInProof {
    /// Made with a second factor (something the person has), not only something sent to them.
    pub fn is_second_factor(self) -> bool {
        matches!(
            self,
            SignInProof::Authenticator | SignInProof::RecoveryCode | SignInProof::Passkey
        )
    }

    /// The catalogue key of the method's name (`security.ftl`).
    pub fn label_key(self) -> String {
        format!("event-method-{}", self.code().replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.code()), Some(*k));
            assert!(seen.insert(k.code()), "{} twice", k.code());
        }
        for s in SignInProof::ALL {
            assert_eq!(SignInProof::parse(s.code()), Some(*s));
        }
        assert_eq!(EventKind::parse("password + device code"), None);
        assert_eq!(
            EventKind::LoginSecondStep.label_key(),
            "event-login-second-step"
        );
        assert_eq!(
            SignInProof::RecoveryCode.label_key(),
            "event-method-recovery-code"
        );
    }
}
