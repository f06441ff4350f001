//! One-time codes: what a code is for (stored in `device_codes.purpose`), where it is sent, and the
//! login's every-sign-in code setting (stored in `customers.otp_channel`).

codes! {
    /// What a one-time code proves.
    CodePurpose {
        /// Authorising a new device at sign-in (emailed).
        NewDevice = "sign_in_device",
        /// The every-sign-in code the login asked for (email or text).
        SignInOtp = "sign_in_otp",
        /// A contract-number set-up: the code goes to the address being chosen, which it proves.
        TempSetup = "temp_setup",
        /// A new mobile number: the code is texted to it, which it proves.
        PhoneVerify = "phone_verify",
        /// Linking a contract from a device not yet authorised.
        Link = "link",
    }
}

codes! {
    /// Where a code is sent.
    CodeChannel {
        Email = "email",
        Sms = "sms",
    }
}

codes! {
    /// The every-sign-in code a login asked for.
    OtpSetting {
        Off = "off",
        Email = "email",
        Sms = "sms",
    }
}

impl OtpSetting {
    /// Where the every-sign-in code goes, if there is one.
    pub fn channel(self) -> Option<CodeChannel> {
        match self {
            OtpSetting::Off => None,
            OtpSetting::Email => Some(CodeChannel::Email),
            OtpSetting::Sms => Some(CodeChannel::Sms),
        }
    }
}

/// Normalises a typed one-time code: digits only (people paste "123 456" or "123-456").
pub fn clean_code(input: &str) -> String {
    input.chars().filter(|c| c.is_ascii_digit()).collect()
}

/// Whether a typed 6-digit code is complete.
pub fn code_issue(input: &str) -> Option<super::Issue> {
    (clean_code(input).len() != 6).then_some(super::Issue::CodeDigits)
}
