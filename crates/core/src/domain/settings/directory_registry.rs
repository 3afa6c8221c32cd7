//! The directory connector's settings (Administration > Settings > Directory): the server and
//! how to reach it, the service account, the user branches, what becomes of users missing from
//! the directory, the group branches for services and agencies, and the attribute mapping
//! (empty: the server type's usual attribute, see [`attribute`]).

use super::Settings;
use super::keys::{Flag, Number, Text};
use super::registry::{Def, Kind, Section};

pub const LDAP_ENABLED: Flag = Flag::declared("ldap.enabled");
pub const LDAP_TYPE: Text = Text::declared("ldap.type");
pub const LDAP_HOST: Text = Text::declared("ldap.host");
pub const LDAP_PORT: Number = Number::declared("ldap.port");
pub const LDAP_SECURITY: Text = Text::declared("ldap.security");
pub const LDAP_ACCEPT_INVALID_CERTS: Flag = Flag::declared("ldap.accept_invalid_certs");
pub const LDAP_DOMAIN: Text = Text::declared("ldap.domain");
pub const LDAP_USER_BRANCHES: Text = Text::declared("ldap.user_branches");
pub const LDAP_BIND_DN: Text = Text::declared("ldap.bind_dn");
pub const LDAP_PASSWORD: Text = Text::declared("ldap.password");
pub const LDAP_MISSING_USERS: Text = Text::declared("ldap.missing_users");
pub const LDAP_SERVICE_GROUPS: Text = Text::declared("ldap.service_groups");
pub const LDAP_AGENCY_GROUPS: Text = Text::declared("ldap.agency_groups");
pub const LDAP_SYNC_DAILY: Flag = Flag::declared("ldap.sync_daily");
pub const LDAP_SYNC_HOUR: Number = Number::declared("ldap.sync_hour");

/// Values of [`LDAP_TYPE`].
pub const TYPE_AD: &str = "ad";
pub const TYPE_OPENLDAP: &str = "openldap";
/// Values of `ldap.security`.
pub const SECURITY_NONE: &str = "none";
pub const SECURITY_STARTTLS: &str = "starttls";
pub const SECURITY_LDAPS: &str = "ldaps";
/// Values of `ldap.missing_users`.
pub const MISSING_DISABLE: &str = "disable";
pub const MISSING_LEAVE: &str = "leave";

/// A user attribute the connector reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    Login,
    FirstName,
    LastName,
    Mail,
    Phone,
    Mobile,
    Company,
    Service,
    Title,
    Address,
}

/// The directory attribute holding `attr`: the one set in the settings, else the usual one of
/// the server type.
pub fn attribute(s: &Settings, attr: Attr) -> String {
    let (key, ad, openldap) = match attr {
        Attr::Login => ("ldap.attr.login", "sAMAccountName", "uid"),
        Attr::FirstName => ("ldap.attr.firstname", "givenName", "givenName"),
        Attr::LastName => ("ldap.attr.lastname", "sn", "sn"),
        Attr::Mail => ("ldap.attr.mail", "mail", "mail"),
        Attr::Phone => ("ldap.attr.phone", "telephoneNumber", "telephoneNumber"),
        Attr::Mobile => ("ldap.attr.mobile", "mobile", "mobile"),
        Attr::Company => ("ldap.attr.company", "company", "o"),
        Attr::Service => ("ldap.attr.service", "department", "departmentNumber"),
        Attr::Title => ("ldap.attr.title", "title", "title"),
        Attr::Address => ("ldap.attr.address", "streetAddress", "street"),
    };
    let set = s.raw(Text::declared(key)).trim();
    if !set.is_empty() {
        set.to_owned()
    } else if s.raw(LDAP_TYPE) == TYPE_OPENLDAP {
        openldap.to_owned()
    } else {
        ad.to_owned()
    }
}

/// The user branches, in order.
pub fn user_branches(s: &Settings) -> Vec<String> {
    s.raw(LDAP_USER_BRANCHES)
        .split(';')
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The filter that selects users on the server type of `s`.
pub fn user_filter(s: &Settings) -> &'static str {
    if s.raw(LDAP_TYPE) == TYPE_OPENLDAP {
        "(|(objectClass=inetOrgPerson)(objectClass=posixAccount))"
    } else {
        // Computers are users too in Active Directory; their account names end with "$".
        "(&(objectClass=user)(sAMAccountName=*)(!(sAMAccountName=*$)))"
    }
}

/// Every directory setting, in page order.
pub const DEFS: &[Def] = &[
    Def {
        key: "ldap.enabled",
        kind: Kind::Flag,
        default: "0",
        section: Section::Directory,
        label: "setting-ldap-enabled",
        help: "setting-ldap-enabled-help",
    },
    Def {
        key: "ldap.type",
        kind: Kind::Choice(&[
            (TYPE_AD, "setting-ldap-type-ad"),
            (TYPE_OPENLDAP, "setting-ldap-type-openldap"),
        ]),
        default: TYPE_AD,
        section: Section::Directory,
        label: "setting-ldap-type",
        help: "setting-ldap-type-help",
    },
    Def {
        key: "ldap.host",
        kind: Kind::Host,
        default: "",
        section: Section::Directory,
        label: "setting-ldap-host",
        help: "setting-ldap-host-help",
    },
    Def {
        key: "ldap.port",
        kind: Kind::Number {
            min: 1,
            max: 65_535,
        },
        default: "389",
        section: Section::Directory,
        label: "setting-ldap-port",
        help: "setting-ldap-port-help",
    },
    Def {
        key: "ldap.security",
        kind: Kind::Choice(&[
            (SECURITY_NONE, "setting-smtp-security-none"),
            (SECURITY_STARTTLS, "setting-smtp-security-starttls"),
            (SECURITY_LDAPS, "setting-ldap-security-ldaps"),
        ]),
        default: SECURITY_STARTTLS,
        section: Section::Directory,
        label: "setting-ldap-security",
        help: "setting-ldap-security-help",
    },
    Def {
        key: "ldap.accept_invalid_certs",
        kind: Kind::Flag,
        default: "0",
        section: Section::Directory,
        label: "setting-ldap-accept-invalid-certs",
        help: "setting-ldap-accept-invalid-certs-help",
    },
    Def {
        key: "ldap.domain",
        kind: Kind::Host,
        default: "",
        section: Section::Directory,
        label: "setting-ldap-domain",
        help: "setting-ldap-domain-help",
    },
    Def {
        key: "ldap.user_branches",
        kind: Kind::Text { max: 2000 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-user-branches",
        help: "setting-ldap-user-branches-help",
    },
    Def {
        key: "ldap.bind_dn",
        kind: Kind::Text { max: 500 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-bind-dn",
        help: "setting-ldap-bind-dn-help",
    },
    Def {
        key: "ldap.password",
        kind: Kind::Secret { max: 200 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-password",
        help: "setting-ldap-password-help",
    },
    Def {
        key: "ldap.missing_users",
        kind: Kind::Choice(&[
            (MISSING_DISABLE, "setting-ldap-missing-disable"),
            (MISSING_LEAVE, "setting-ldap-missing-leave"),
        ]),
        default: MISSING_DISABLE,
        section: Section::Directory,
        label: "setting-ldap-missing-users",
        help: "setting-ldap-missing-users-help",
    },
    Def {
        key: "ldap.sync_daily",
        kind: Kind::Flag,
        default: "1",
        section: Section::Directory,
        label: "setting-ldap-sync-daily",
        help: "setting-ldap-sync-daily-help",
    },
    Def {
        key: "ldap.sync_hour",
        kind: Kind::Number { min: 0, max: 23 },
        default: "3",
        section: Section::Directory,
        label: "setting-ldap-sync-hour",
        help: "setting-ldap-sync-hour-help",
    },
    Def {
        key: "ldap.service_groups",
        kind: Kind::Text { max: 500 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-service-groups",
        help: "setting-ldap-service-groups-help",
    },
    Def {
        key: "ldap.agency_groups",
        kind: Kind::Text { max: 500 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-agency-groups",
        help: "setting-ldap-agency-groups-help",
    },
    Def {
        key: "ldap.attr.login",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-login",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.firstname",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-firstname",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.lastname",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-lastname",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.mail",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-mail",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.phone",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-phone",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.mobile",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-mobile",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.company",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-company",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.service",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-service",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.title",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-title",
        help: "setting-ldap-attr-help",
    },
    Def {
        key: "ldap.attr.address",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::Directory,
        label: "setting-ldap-attr-address",
        help: "setting-ldap-attr-help",
    },
];
