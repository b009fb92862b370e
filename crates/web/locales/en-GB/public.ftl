## Pages anyone can read: the organisations, the charters, accessibility.

home-heading = Co-production you can show
home-intro = Coproduce keeps a record of how your organisation involves the people who use its services, and measures the promises in your co-production charter.
    .easy = Coproduce helps people and services work together. It shows if a service keeps its promises to the people who use it.
home-organisations = Organisations
home-none = There are no organisations yet.
pagination = Pagination
next = Next
more-organisations = More organisations

charters-heading = Charters
charters-intro = A charter sets out what people can expect when they take part, and what the organisations that sign it promise in return. Each version is kept.
    .easy = A charter is a list of promises. An organisation signs it. It promises to work with the people who use its services.
charters-none = No charter has been adopted yet.
charters-table = Charter versions
charter-column = Charter
version-column = Version
feedback-column = Feedback within
days = { $n } days
templates-heading = Built-in templates
templates-intro = Coproduce ships these charters, written from their source documents, ready to adopt:

charter-caption = Charter, version { $version }
charter-source = Source
charter-feedback = Feedback to people within
charter-review = Reviewed at least every
months = { $n } months
charter-commitments = Commitments
charter-commitment-count = { $n } in { $sections } sections
signatories = Signatories
    .easy = Who signed it
signatories-none = No organisation has been invited to sign this version yet.
signatories-table = Organisations invited to sign
organisation-column = Organisation
status-column = Status
signed-column = Signed
not-yet = Not yet
rung-tag = Rung: { $rung }
measured-tag = Measured: { $indicator }
source-ref = Source: { $reference }

accessibility-heading = Accessibility statement
accessibility-intro = We want as many people as possible to be able to use Coproduce. You should be able to:
    .easy = We want everyone to be able to use Coproduce. You should be able to:
accessibility-zoom = make the text bigger, up to 400%, and still read every page on a small screen
accessibility-keyboard = use every page with a keyboard alone
accessibility-screen-reader = use every page with a screen reader
accessibility-no-js = use every page without JavaScript
accessibility-easy-read = switch on Easy Read, which makes the text larger and simpler
accessibility-language = read the pages for participants in English or Polish
accessibility-how-heading = How we check
accessibility-how = Every page is checked, in every state it can be in, against the Web Content Accessibility Guidelines (WCAG) 2.2 at levels A and AA with the axe-core tool in a real web browser. Pages are checked on a screen 320 pixels wide and with the keyboard alone, each time the software changes.
accessibility-status-heading = How accessible it is
accessibility-status = We believe Coproduce meets WCAG 2.2 level AA. Automated checks cannot find every problem, so we also welcome reports from people who use it.
accessibility-contact-heading = Tell us about a problem
accessibility-contact = If something does not work for you, tell the involvement team of the organisation that invited you. They can ask for the problem to be fixed, and give you what you need in another way in the meantime.
accessibility-enforcement-heading = If you are not happy with our answer
accessibility-enforcement = The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).

## The names of things, as lists of values.

vocab-organisation-kind-nhs-trust = NHS trust
vocab-organisation-kind-ambulance-service = Ambulance service
vocab-organisation-kind-local-authority = Local authority
vocab-organisation-kind-integrated-care-board = Integrated care board
vocab-organisation-kind-healthwatch = Healthwatch
vocab-organisation-kind-voluntary-sector = Voluntary sector body
vocab-organisation-kind-patients-forum = Patients' forum
vocab-organisation-kind-national-body = National body
vocab-rung-coercion = Coercion
vocab-rung-educating = Educating
vocab-rung-informing = Informing
vocab-rung-consultation = Consultation
vocab-rung-engagement = Engagement
vocab-rung-co-design = Co-design
vocab-rung-co-production = Co-production
vocab-commitment-kind-commitment = Commitment
vocab-commitment-kind-right = Right
vocab-commitment-kind-responsibility = Responsibility
vocab-commitment-kind-principle = Principle
vocab-commitment-kind-rule = Rule
vocab-commitment-kind-rung = Rung of the ladder
vocab-signatory-status-invited = Invited
vocab-signatory-status-signed = Signed
vocab-signatory-status-declined = Declined
vocab-indicator-feedback-within-days = Inputs fed back within the agreed days
