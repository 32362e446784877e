"""Known failures, in one place. Each is a strict xfail: fixing one turns the suite red
until it is removed from here, so this list never goes stale.

sample name -> why it fails
"""

SAMPLES: dict[str, str] = {
    # issue 12, part C: hand-written samples with noise in words no rule has yet
    "en-recipe-blog-jump-bar-and-cook-club-promo":
        "leaves the cook-club promo group and the star-rating call to action",
    "en-university-news-breadcrumb-contact-and-open-day":
        "leaves the media-contact role line, the Open Days event promo and the notes-to-editors"
        " boilerplate",
    "en-trade-magazine-partner-list-midtext-and-podcast":
        "leaves site name, section path, role line, 'date | 5 min listen | 9 comments',"
        " the 'Listen · Gift article · Save · Share' tool line, the partner-content entries"
        " mid-text (label gone, entries kept) and the podcast promo",
    "de-lokalzeitung-brotkrumen-vorlesen-und-app-promo":
        "leaves a cookie button ('Einstellungen') and the app promo group",
    "de-sportverein-spielbericht-partnerliste-und-refrain":
        "leaves the club name, menu, breadcrumb, 'Eingetragen von … | 12 Kommentare',"
        " the 'Drucken – Weiterleiten – Teilen' tool line and the sponsor list with prose blurbs",
    "de-pressemitteilung-ministerium-werkzeugleiste-und-kontaktblock":
        "leaves the press-release number line, the 'Schrift: A− A A+ | Seite drucken …' tool line,"
        " the press-contact block, the mailing-list promo group, a rating widget and the footer menu",
    "fr-blog-voyage-temps-de-lecture-et-carnet-promo":
        "leaves the menu, breadcrumb, 'Publié le … · 8 min de lecture · 14 commentaires',"
        " the 'Épingler | Envoyer | Partager' tool line, the affiliate disclosure and the newsletter promo group",
    "fr-radio-regionale-direct-podcast-et-plus-lus":
        "takes the refrain's second copy (duplicate.pull-quote); leaves the station name, menu,"
        " breadcrumb, reporter line, metadata, the '2 min · Réagir (7) · Partager' tool line and"
        " the podcast and app promos",
    "fr-ong-rapport-partenaires-don-et-traceurs":
        "leaves the cookie notice, the 'Télécharger le rapport … · Imprimer · Partager' tool line,"
        " the partners list with blurbs, the donation promo and the footer",
    "es-resena-producto-veredicto-y-enlaces-de-compra":
        "leaves the site name, reporter role line, metadata, 'Guardar | Compartir | Comentar',"
        " the affiliate disclosure, score and shop buttons, the price list, the related entries"
        " (label gone, entries kept) and the footer",
    "es-periodico-local-canal-whatsapp-y-patrocinado-en-medio":
        "leaves the paper's name, menu, section label, reporter line, metadata, the 'Escuchar"
        " noticia · Ver galería' tool line, the WhatsApp channel promo and the sponsored entries mid-text",
    "es-tutorial-tecnico-compartir-carpeta-y-boletin-semanal":
        "takes the headline ('… Ubuntu 24.04', a figure in it) as a short block between noise"
        " (classifier.blocks); leaves the site name, the '¿Te ha servido…?' line and the weekly"
        " newsletter promo group",
    "html-listing-page-entries-are-content-and-pager":
        "listing: joins each entry's title and blurb into one block and takes the entries'"
        " '5.5 miles · Easy · 2½ hours' facts lines",
    "html-product-page-reviews-and-carousel":
        "product page: leaves the buy box's price and stock line, the review summary, 'Sort by:',"
        " the reviewer/date lines, 'Was this review helpful?' and the also-bought carousel",
}
