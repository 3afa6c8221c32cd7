//! Sample data in English.

use super::{Category, Topic, Words};

pub const WORDS: Words = Words {
    street: "High Street",
    country: "United Kingdom",
    phone_prefix: "+44",
    procedure_title: "what to check",
    first_names: &[
        "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia", "Charlie", "Grace",
        "Thomas", "Sophie", "James", "Emily", "William", "Lily", "Henry", "Ella", "Oscar", "Chloe",
        "Leo", "Ruby", "Arthur", "Evie", "Noah", "Freya", "Jacob", "Alice", "Ethan", "Florence",
        "Samuel", "Poppy", "Daniel", "Rosie", "Joseph", "Hannah", "Lucas", "Sienna", "Max", "Zara",
    ],
    last_names: &[
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
        "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
        "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper",
        "Ward", "Morris", "King", "Watson", "Harris", "Baker", "Young", "Allen", "Scott", "Lewis",
        "Bennett", "Carter", "Murphy",
    ],
    companies: &[
        ("Acme Industries", "acme.test"),
        ("Borealis Foods", "borealis.test"),
        ("Cobalt Logistics", "cobalt.test"),
        ("Delta Architects", "delta-arch.test"),
        ("Estuaire Clinic", "estuaire.test"),
        ("Fjord Insurance", "fjord.test"),
        ("Granite Builders", "granite.test"),
        ("Helios Energy", "helios.test"),
        ("Iris Publishing", "iris.test"),
        ("Jasmin Hotels", "jasmin.test"),
        ("Kepler Labs", "kepler.test"),
        ("Lumen Schools", "lumen.test"),
        ("Mistral Transport", "mistral.test"),
        ("Nova Pharma", "nova.test"),
        ("Orchard Farms", "orchard.test"),
        ("Pylon Engineering", "pylon.test"),
        ("Quartz Legal", "quartz.test"),
        ("Rivage Retail", "rivage.test"),
        ("Sextant Marine", "sextant.test"),
        ("Tilleul Town Hall", "tilleul.test"),
    ],

    cities: &[
        ("Manchester", "M1 1AD"),
        ("Leeds", "LS1 4DY"),
        ("Bristol", "BS1 5TR"),
        ("York", "YO1 7HH"),
        ("Cardiff", "CF10 1EP"),
        ("Glasgow", "G1 1XQ"),
        ("Norwich", "NR2 1NH"),
        ("Oxford", "OX1 3BQ"),
    ],
    services: &[
        "Accounting",
        "Sales",
        "Human resources",
        "Logistics",
        "Management",
        "Production",
    ],

    functions: &[
        "Accountant",
        "Sales representative",
        "Assistant",
        "Warehouse manager",
        "Engineer",
        "Receptionist",
        "Project manager",
        "Buyer",
    ],

    places: &[
        "Head office",
        "Warehouse",
        "Branch office",
        "Meeting room A",
    ],

    agencies: &["North agency", "South agency"],

    categories: &[
        Category {
            key: Some("category-software"),
            name: "Software",
            subs: &[
                Topic {
                    key: Some("subcategory-office"),
                    name: "Office suite",
                    titles: &[
                        "Spreadsheet crashes when saving",
                        "Cannot open the shared document",
                        "Word processor asks for a licence again",
                        "Macros disabled in the budget file",
                    ],
                    details: &[
                        "The application closes without a message as soon as I press **Save**.",
                        "I get \"file locked for editing\" although nobody else has it open.",
                        "Since the last update, a window asks me to activate the product.",
                    ],
                    fixes: &[
                        "Repaired the installation and cleared the local cache.",
                        "Removed the stale lock file on the share.",
                        "Re-activated the licence with the volume key.",
                    ],
                },
                Topic {
                    key: None,
                    name: "Mail",
                    titles: &[
                        "Mailbox full",
                        "Mails stuck in the outbox",
                        "Shared calendar not visible",
                        "Out-of-office reply does not work",
                    ],
                    details: &[
                        "I receive a warning that my mailbox is over its quota.",
                        "Messages with attachments stay in the outbox since this morning.",
                        "I can no longer see my team's calendar.",
                    ],
                    fixes: &[
                        "Archived the mails older than two years to a local folder.",
                        "The attachment was over the size limit; sent it through the file share.",
                        "Granted read access on the calendar again.",
                    ],
                },
                Topic {
                    key: None,
                    name: "ERP",
                    titles: &[
                        "ERP: cannot validate the invoice",
                        "Stock figures wrong in the ERP",
                        "ERP very slow at month end",
                    ],
                    details: &[
                        "The validate button stays grey on invoices of the new supplier.",
                        "The stock shown does not match what is on the shelves.",
                        "Every screen takes about a minute to open.",
                    ],
                    fixes: &[
                        "The supplier had no payment terms; added them and the button works.",
                        "Re-ran the stock valuation job that failed on Sunday.",
                        "Rebuilt the database indexes during the lunch break.",
                    ],
                },
                Topic {
                    key: None,
                    name: "Antivirus",
                    titles: &[
                        "Antivirus blocks the accounting software",
                        "Virus alert on a USB stick",
                    ],
                    details: &[
                        "A red window says a threat was found and the program closes.",
                        "The antivirus quarantined a file from a customer's USB stick.",
                    ],
                    fixes: &[
                        "Added an exclusion for the software's data folder.",
                        "Scanned the stick; the file was a real threat and stays in quarantine.",
                    ],
                },
            ],
        },
        Category {
            key: Some("category-hardware"),
            name: "Hardware",
            subs: &[
                Topic {
                    key: Some("subcategory-pc"),
                    name: "PC",
                    titles: &[
                        "Laptop does not boot",
                        "Computer very slow",
                        "Blue screen after the update",
                        "Keyboard keys not responding",
                        "New laptop for a newcomer",
                    ],
                    details: &[
                        "The power light comes on but the screen stays black.",
                        "Opening a simple file takes several minutes.",
                        "The computer restarted on a blue screen twice today.",
                    ],
                    fixes: &[
                        "Replaced the memory module.",
                        "The disk was full; cleaned temporary files and moved old projects.",
                        "Rolled back the faulty driver.",
                    ],
                },
                Topic {
                    key: None,
                    name: "Printer",
                    titles: &[
                        "Printer jams on floor 2",
                        "Cannot print in colour",
                        "Scanner does not send to mail",
                        "Toner empty",
                    ],
                    details: &[
                        "Every second page gets stuck in the tray.",
                        "Colour documents come out in black and white.",
                        "Scanned documents never arrive in my mailbox.",
                    ],
                    fixes: &[
                        "Cleaned the rollers and changed the fuser kit.",
                        "The colour option was restricted in the driver profile.",
                        "Updated the SMTP password on the copier.",
                    ],
                },
                Topic {
                    key: None,
                    name: "Screen",
                    titles: &["Second screen not detected", "Screen flickers"],
                    details: &[
                        "The second monitor says \"no signal\".",
                        "The screen flickers every few seconds.",
                    ],
                    fixes: &[
                        "Replaced the docking station cable.",
                        "Replaced the monitor.",
                    ],
                },
                Topic {
                    key: None,
                    name: "Phone",
                    titles: &["Desk phone has no line", "Mobile phone: mail not syncing"],
                    details: &[
                        "No dial tone on the desk phone since we moved desks.",
                        "Mail stopped arriving on my phone.",
                    ],
                    fixes: &[
                        "Patched the phone's network socket in the rack.",
                        "Removed and re-added the mail account on the phone.",
                    ],
                },
            ],
        },
        Category {
            key: None,
            name: "Network",
            subs: &[
                Topic {
                    key: None,
                    name: "VPN",
                    titles: &[
                        "VPN disconnects every hour",
                        "Cannot connect to the VPN from home",
                    ],
                    details: &[
                        "The VPN drops and I lose my remote session.",
                        "The VPN client says \"authentication failed\".",
                    ],
                    fixes: &[
                        "Raised the idle timeout on the VPN gateway.",
                        "The account's certificate had expired; issued a new one.",
                    ],
                },
                Topic {
                    key: None,
                    name: "Wi-Fi",
                    titles: &["No Wi-Fi in meeting room A", "Guest Wi-Fi password"],
                    details: &[
                        "Laptops cannot see the network in meeting room A.",
                        "We have visitors tomorrow and need the guest access.",
                    ],
                    fixes: &[
                        "Restarted the access point and moved it to another channel.",
                        "Sent the guest password of the week.",
                    ],
                },
                Topic {
                    key: None,
                    name: "Internet access",
                    titles: &["Internet very slow", "Website blocked by the filter"],
                    details: &[
                        "Web pages take ages to load for the whole floor.",
                        "A supplier's website is blocked by the web filter.",
                    ],
                    fixes: &[
                        "A backup job was saturating the line; moved it to the night.",
                        "Added the supplier's site to the allowed list.",
                    ],
                },
            ],
        },
        Category {
            key: None,
            name: "Accounts",
            subs: &[
                Topic {
                    key: None,
                    name: "Password",
                    titles: &["Password expired", "Account locked"],
                    details: &[
                        "I cannot log in: my password has expired.",
                        "My account is locked after too many attempts.",
                    ],
                    fixes: &[
                        "Reset the password; to be changed at next login.",
                        "Unlocked the account.",
                    ],
                },
                Topic {
                    key: None,
                    name: "Access rights",
                    titles: &["Access to the projects share", "Rights on the HR folder"],
                    details: &[
                        "I need to read and write in the projects share.",
                        "The new HR assistant needs the HR folder.",
                    ],
                    fixes: &[
                        "Added the account to the projects group.",
                        "Granted access after the manager's approval.",
                    ],
                },
                Topic {
                    key: None,
                    name: "New arrival",
                    titles: &["Accounts for a new employee", "Leaver: close the accounts"],
                    details: &[
                        "A new colleague starts on Monday: mail, session and ERP access please.",
                        "A colleague leaves on Friday; please close the accounts.",
                    ],
                    fixes: &[
                        "Created the accounts and prepared the laptop.",
                        "Disabled the accounts and forwarded the mail to the manager.",
                    ],
                },
            ],
        },
    ],

    // Ways a description ends.
    closings: &[
        "Thanks in advance.",
        "It is quite urgent for me.",
        "Steps already tried:\n- restarted the computer\n- checked the cables",
        "Can someone come by this afternoon?",
        "",
    ],

    // A technician's first answers.
    tech_replies: &[
        "I am looking into it.",
        "Could you send me a screenshot of the message?",
        "I will come by your desk in an hour.",
        "Can you restart and tell me whether it happens again?",
        "I have taken remote control; please leave the computer on.",
        "I ordered the part; it should arrive in two days.",
    ],

    // A requester's answers.
    user_replies: &[
        "Thanks, it still happens.",
        "Here is the message I get.",
        "I restarted, same problem.",
        "I am in a meeting until 2 pm.",
        "It works now, thank you!",
        "Any news on this?",
    ],

    // Notes technicians keep from requesters.
    private_notes: &[
        "Third time this month for this workstation: plan a replacement.",
        "Warranty ends in March; check with the supplier.",
        "Same cause as the ticket last week on floor 2.",
    ],

    // Files attached to tickets: name and a line of content.
    groups: [
        "Level 1 support",
        "Network team",
        "Management board",
        "Front desk",
    ],
    rejection: "This is handled by the supplier's hotline; please call them directly.",
    nudge: "Any news on this?",
    files: &[
        (
            "error.log",
            "2024-03-04 09:12:44 ERROR Connection reset by peer\n",
        ),
        (
            "ipconfig.txt",
            "IPv4 Address. . . . . : 192.168.10.42\nDefault Gateway . . . : 192.168.10.1\n",
        ),
        (
            "stock-export.csv",
            "item;expected;counted\nA-100;40;37\nB-220;12;12\n",
        ),
        ("printer-status.txt", "Tray 2: paper jam (code 13.A2)\n"),
    ],
};
