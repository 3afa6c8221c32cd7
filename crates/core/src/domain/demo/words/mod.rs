//! The words sample data is made of, in each language pages are written in: names, companies,
//! services, and for each kind of problem the titles, details and answers a small IT team
//! really sees.

mod de;
mod en;
mod es;
mod fr;

use crate::i18n::Lang;

/// Everything sample data says, in one language.
pub struct Words {
    /// The street of every sample address (after a house number).
    pub street: &'static str,
    pub country: &'static str,
    /// The country's telephone code, as in "+33".
    pub phone_prefix: &'static str,
    /// What a sample procedure's title says after the subcategory's name.
    pub procedure_title: &'static str,
    pub first_names: &'static [&'static str],
    pub last_names: &'static [&'static str],
    /// Company name and mail domain.
    pub companies: &'static [(&'static str, &'static str)],
    /// City and postcode.
    pub cities: &'static [(&'static str, &'static str)],
    pub services: &'static [&'static str],
    pub functions: &'static [&'static str],
    pub places: &'static [&'static str],
    pub agencies: &'static [&'static str],
    pub categories: &'static [Category],
    /// Ways a description ends.
    pub closings: &'static [&'static str],
    /// A technician's first answers.
    pub tech_replies: &'static [&'static str],
    /// A requester's answers.
    pub user_replies: &'static [&'static str],
    /// Notes technicians keep from requesters.
    pub private_notes: &'static [&'static str],
    /// Two technician groups, then two requester groups.
    pub groups: [&'static str; 4],
    /// Why a ticket is rejected.
    pub rejection: &'static str,
    /// A requester asking for news.
    pub nudge: &'static str,
    /// Files attached to tickets: name and a line of content.
    pub files: &'static [(&'static str, &'static str)],
}

/// A category: a built-in one (by translation key, whatever `name` says) or a named one.
pub struct Category {
    pub key: Option<&'static str>,
    pub name: &'static str,
    pub subs: &'static [Topic],
}

/// A subcategory and what its tickets say.
pub struct Topic {
    pub key: Option<&'static str>,
    pub name: &'static str,
    pub titles: &'static [&'static str],
    pub details: &'static [&'static str],
    pub fixes: &'static [&'static str],
}

/// The sample data written in `lang`.
pub fn in_language(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &fr::WORDS,
        Lang::En => &en::WORDS,
        Lang::Es => &es::WORDS,
        Lang::De => &de::WORDS,
    }
}
