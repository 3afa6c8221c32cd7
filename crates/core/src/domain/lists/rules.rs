//! Checking what an administrator typed for a list entry.

use std::net::Ipv4Addr;

use crate::domain::FieldErrors;
use crate::domain::users::rules::check_mail;
use crate::i18n::msg;

use super::Value;
use super::registry::{Column, ColumnKind};

/// Turns the text typed for `column` into a value, or records why it cannot be one. References
/// are only parsed here; whether the entry exists is checked against the database.
pub fn parse(column: &Column, input: &str, errors: &mut FieldErrors) -> Value {
    let text = input.trim();
    let field = column.name;
    if text.is_empty() {
        return match column.kind {
            ColumnKind::Flag => Value::Int(0),
            ColumnKind::Number { min, .. } if !column.required => Value::Int(min.max(0)),
            _ => {
                if column.required {
                    errors.add(field, msg("error-required"));
                }
                if matches!(
                    column.kind,
                    ColumnKind::Name | ColumnKind::Text { .. } | ColumnKind::Mail
                ) {
                    Value::Text(String::new())
                } else {
                    Value::Null
                }
            }
        };
    }
    match column.kind {
        ColumnKind::Name => text_value(field, text, 100, errors),
        ColumnKind::Text { max } => text_value(field, text, max, errors),
        ColumnKind::Number { min, max } => match text.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Value::Int(n),
            _ => {
                errors.add(
                    field,
                    msg("error-number-range").arg("min", min).arg("max", max),
                );
                Value::Null
            }
        },
        ColumnKind::Flag => Value::Int(i64::from(matches!(text, "1" | "on" | "true"))),
        ColumnKind::Color => {
            let ok = text.len() == 7
                && text.starts_with('#')
                && text[1..].chars().all(|c| c.is_ascii_hexdigit());
            if ok {
                Value::Text(text.to_ascii_lowercase())
            } else {
                errors.add(field, msg("error-color"));
                Value::Null
            }
        }
        ColumnKind::Date => {
            if text.parse::<jiff::civil::Date>().is_ok() && text.len() == 10 {
                Value::Text(text.to_owned())
            } else {
                errors.add(field, msg("error-date"));
                Value::Null
            }
        }
        ColumnKind::Mail => {
            let mut mail_errors = FieldErrors::new();
            check_mail(text, &mut mail_errors);
            if mail_errors.is_empty() {
                Value::Text(text.to_owned())
            } else {
                errors.add(field, msg("error-mail-invalid"));
                Value::Null
            }
        }
        ColumnKind::Ipv4 => match text.parse::<Ipv4Addr>() {
            Ok(ip) => Value::Text(ip.to_string()),
            Err(_) => {
                errors.add(field, msg("error-ipv4"));
                Value::Null
            }
        },
        ColumnKind::Netmask => match text.parse::<Ipv4Addr>() {
            Ok(mask) if is_netmask(mask) => Value::Text(mask.to_string()),
            _ => {
                errors.add(field, msg("error-netmask"));
                Value::Null
            }
        },
        ColumnKind::Ref(_) | ColumnKind::Ticket | ColumnKind::Staff(_) => {
            match text.trim_start_matches('#').parse::<i64>() {
                Ok(id) if id > 0 => Value::Int(id),
                _ => {
                    errors.add(field, msg("error-unknown-choice"));
                    Value::Null
                }
            }
        }
    }
}

fn text_value(field: &'static str, text: &str, max: usize, errors: &mut FieldErrors) -> Value {
    if text.chars().count() > max {
        errors.add(field, msg("error-too-long").arg("max", max));
    } else if text.chars().any(char::is_control) {
        errors.add(field, msg("error-invalid-characters"));
    }
    Value::Text(text.to_owned())
}

/// Whether `mask` is a contiguous run of ones followed by zeros.
/// A network typed as `address/prefix` in the IPv4 column of a list that also has a netmask
/// column (any prefix length, 0 to 32): the address stays in its column and the prefix fills
/// the netmask when it was left empty. Anything else is left as typed, for [`parse`] to judge.
pub fn split_cidr(
    columns: &[&Column],
    mut form: std::collections::HashMap<String, String>,
) -> std::collections::HashMap<String, String> {
    let ip = columns.iter().find(|c| matches!(c.kind, ColumnKind::Ipv4));
    let mask = columns
        .iter()
        .find(|c| matches!(c.kind, ColumnKind::Netmask));
    let (Some(ip), Some(mask)) = (ip, mask) else {
        return form;
    };
    let Some((address, prefix)) = form
        .get(ip.name)
        .and_then(|typed| typed.trim().split_once('/'))
        .map(|(a, p)| (a.trim().to_owned(), p.trim().to_owned()))
    else {
        return form;
    };
    let Some(prefix) = prefix.parse::<u32>().ok().filter(|p| *p <= 32) else {
        return form;
    };
    form.insert(ip.name.to_owned(), address);
    if form.get(mask.name).is_none_or(|m| m.trim().is_empty()) {
        let bits = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
        form.insert(mask.name.to_owned(), Ipv4Addr::from(bits).to_string());
    }
    form
}

fn is_netmask(mask: Ipv4Addr) -> bool {
    let bits = u32::from(mask);
    bits.leading_ones() + bits.trailing_zeros() == 32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(kind: ColumnKind, required: bool) -> Column {
        Column {
            name: "f",
            label: "l",
            kind,
            required,
            gate: None,
        }
    }

    fn check(kind: ColumnKind, required: bool, input: &str) -> (Value, bool) {
        let mut e = FieldErrors::new();
        let v = parse(&column(kind, required), input, &mut e);
        (v, e.is_empty())
    }

    #[test]
    fn kinds_are_checked() {
        assert_eq!(
            check(ColumnKind::Color, true, "#D15B47"),
            (Value::Text("#d15b47".into()), true)
        );
        assert!(!check(ColumnKind::Color, true, "red").1);
        assert!(!check(ColumnKind::Name, true, "  ").1);
        assert!(!check(ColumnKind::Name, true, &"x".repeat(101)).1);
        assert_eq!(
            check(ColumnKind::Number { min: 1, max: 10 }, true, "7"),
            (Value::Int(7), true)
        );
        assert!(!check(ColumnKind::Number { min: 1, max: 10 }, true, "11").1);
        assert_eq!(check(ColumnKind::Flag, false, ""), (Value::Int(0), true));
        assert_eq!(check(ColumnKind::Flag, false, "1"), (Value::Int(1), true));
        assert!(check(ColumnKind::Date, false, "2026-02-28").1);
        assert!(!check(ColumnKind::Date, false, "2026-02-30").1);
        assert!(check(ColumnKind::Ipv4, true, "10.0.0.0").1);
        assert!(!check(ColumnKind::Ipv4, true, "10.0.0.256").1);
        assert!(check(ColumnKind::Netmask, true, "255.255.255.0").1);
        let network = Column {
            name: "network",
            label: "l",
            kind: ColumnKind::Ipv4,
            required: true,
            gate: None,
        };
        let netmask = Column {
            name: "netmask",
            label: "l",
            kind: ColumnKind::Netmask,
            required: true,
            gate: None,
        };
        let split = |net: &str, mask: &str| {
            let form = [("network", net), ("netmask", mask)]
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .into();
            let out = split_cidr(&[&network, &netmask], form);
            (out["network"].clone(), out["netmask"].clone())
        };
        assert_eq!(
            split("10.1.4.0/22", ""),
            ("10.1.4.0".into(), "255.255.252.0".into())
        );
        assert_eq!(
            split("10.0.0.0/32", ""),
            ("10.0.0.0".into(), "255.255.255.255".into())
        );
        assert_eq!(split("0.0.0.0/0", ""), ("0.0.0.0".into(), "0.0.0.0".into()));
        // A mask typed too is kept (and judged); a bad prefix is left for the check to refuse.
        assert_eq!(
            split("10.0.0.0/8", "255.255.0.0"),
            ("10.0.0.0".into(), "255.255.0.0".into())
        );
        assert_eq!(split("10.0.0.0/33", ""), ("10.0.0.0/33".into(), "".into()));
        assert!(!check(ColumnKind::Netmask, true, "255.0.255.0").1);
        assert_eq!(check(ColumnKind::Ref("x"), false, ""), (Value::Null, true));
        assert!(!check(ColumnKind::Ref("x"), true, "").1);
        assert!(!check(ColumnKind::Ref("x"), false, "abc").1);
    }

    proptest::proptest! {
        /// Any address with any prefix splits into that address and the mask of that prefix,
        /// which the netmask check accepts; a prefix past 32 is left for the check to refuse.
        #[test]
        fn any_cidr_splits_into_its_address_and_mask(n in proptest::num::u32::ANY, prefix in 0u32..40) {
            let network = Column { name: "network", label: "l", kind: ColumnKind::Ipv4, required: true, gate: None };
            let netmask = Column { name: "netmask", label: "l", kind: ColumnKind::Netmask, required: true, gate: None };
            let address = Ipv4Addr::from(n).to_string();
            let form = [("network", format!("{address}/{prefix}")), ("netmask", String::new())]
                .map(|(k, v)| (k.to_owned(), v))
                .into();
            let out = split_cidr(&[&network, &netmask], form);
            if prefix <= 32 {
                proptest::prop_assert_eq!(&out["network"], &address);
                let mask: Ipv4Addr = out["netmask"].parse().expect("a mask");
                proptest::prop_assert_eq!(u32::from(mask).leading_ones(), prefix);
                proptest::prop_assert!(is_netmask(mask));
                proptest::prop_assert!(check(ColumnKind::Netmask, true, &out["netmask"]).1);
                proptest::prop_assert!(check(ColumnKind::Ipv4, true, &out["network"]).1);
            } else {
                proptest::prop_assert!(!check(ColumnKind::Ipv4, true, &out["network"]).1);
            }
        }
    }
}
