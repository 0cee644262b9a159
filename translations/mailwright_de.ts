<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AudienceLabels</name>
    <message>
        <location filename="../ui/audience/audiencelabels.cpp" line="+11"/>
        <source>Subscribed</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subscriber</source>
        <translation>Abonnent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat customer</source>
        <translation>Stammkunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Advocate</source>
        <translation>Fürsprecher</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Highly engaged</source>
        <translation>Sehr engagiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moderately engaged</source>
        <translation>Mäßig engagiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low engagement</source>
        <translation>Wenig engagiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product view</source>
        <translation>Produktansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to cart</source>
        <translation>In den Warenkorb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounce</source>
        <translation>Rückläufer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo request</source>
        <translation>Demo-Anfrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral</source>
        <translation>Empfehlung</translation>
    </message>
</context>
<context>
    <name>BlockLabels</name>
    <message>
        <location filename="../ui/campaign/blocklabels.cpp" line="+13"/>
        <source>Header</source>
        <translation>Kopfbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hero</source>
        <translation>Hero</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button</source>
        <translation>Schaltfläche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testimonial</source>
        <translation>Kundenstimme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divider</source>
        <translation>Trennlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spacer</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer</source>
        <translation>Fußbereich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accent colour</source>
        <translation>Akzentfarbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt text</source>
        <translation>Alternativtext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background colour</source>
        <translation>Hintergrundfarbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button colour</source>
        <translation>Schaltflächenfarbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button text</source>
        <translation>Schaltflächentext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button link</source>
        <translation>Schaltflächen-Link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image alt text</source>
        <translation>Alternativtext des Bildes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image URL</source>
        <translation>Bild-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link URL</source>
        <translation>Link-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo alt text</source>
        <translation>Alternativtext des Logos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo URL</source>
        <translation>Logo-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo width</source>
        <translation>Logobreite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal address</source>
        <translation>Postanschrift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences link text</source>
        <translation>Text des Einstellungs-Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences URL</source>
        <translation>Einstellungs-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subheadline</source>
        <translation>Unterüberschrift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagline</source>
        <translation>Slogan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text colour</source>
        <translation>Textfarbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thickness</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe link text</source>
        <translation>Text des Abmelde-Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/campaign/corepreviewrenderer.cpp" line="+157"/>
        <source>(hidden)</source>
        <translation>(ausgeblendet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(suppressed)</source>
        <translation>(unterdrückt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (fallback)</source>
        <translation> (Ersatz)</translation>
    </message>
</context>
<context>
    <name>Undo Commands</name>
    <message>
        <location filename="../ui/campaign/campaigndraft.cpp" line="+124"/>
        <source>Duplicate Block</source>
        <translation>Block duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/campaign/campaignundocommands.cpp" line="+16"/>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add Block</source>
        <translation>Block hinzufügen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete Block</source>
        <translation>Block löschen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Move Block</source>
        <translation>Block verschieben</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, personalise and test email campaigns on a local database.</source>
        <translation type="vanished">E-Mail-Kampagnen auf einer lokalen Datenbank gestalten, personalisieren und testen.</translation>
    </message>
    <message>
        <source>The database to open (created if it does not exist).</source>
        <translation type="vanished">Die zu öffnende Datenbank (wird angelegt, wenn sie nicht existiert).</translation>
    </message>
</context>
<context>
    <name>mw::ui::AudiencePage</name>
    <message>
        <location filename="../ui/audience/audiencepage.cpp" line="+11"/>
        <source>Subscribers</source>
        <translation>Abonnenten</translation>
    </message>
</context>
<context>
    <name>mw::ui::BlockInspector</name>
    <message>
        <location filename="../ui/campaign/blockinspector.cpp" line="+192"/>
        <source>Subject &amp; sender</source>
        <translation>Betreff &amp; Absender</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>From name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>From email</source>
        <translation>Absender-E-Mail</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Preheader</source>
        <translation>Preheader</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Whose rule-based variants the list below shows</source>
        <translation>Wessen regelbasierte Varianten die Liste unten zeigt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Variants of</source>
        <translation>Varianten von</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 block · %2</source>
        <translation>%1-Block · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This block is the library block &quot;%1&quot;: its content is edited in the block library. Detach it to edit a copy in this campaign.</source>
        <translation>Dieser Block ist der Bibliotheksblock „%1“: Sein Inhalt wird in der Blockbibliothek bearbeitet. Lösen Sie ihn, um in dieser Kampagne eine Kopie zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Detach from library</source>
        <translation>Von der Bibliothek lösen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Hide when</source>
        <translation>Ausblenden, wenn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Never hidden</source>
        <translation>Nie ausgeblendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a block on the left to edit its content and variants, or &quot;Subject &amp; sender&quot; for the envelope.</source>
        <translation>Wählen Sie links einen Block, um Inhalt und Varianten zu bearbeiten, oder „Betreff &amp; Absender“ für den Umschlag.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The variant with the highest priority whose condition matches replaces the fields it sets; otherwise the default above is used.</source>
        <translation>Die Variante mit der höchsten Priorität, deren Bedingung zutrifft, ersetzt die Felder, die sie setzt; sonst gilt der Standard oben.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+222"/>
        <source>%1  · priority %2</source>
        <translation>%1  · Priorität %2</translation>
    </message>
    <message>
        <location line="-210"/>
        <source>Add variant</source>
        <translation>Variante hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Variant id</source>
        <translation>Varianten-ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Higher priorities are tried first</source>
        <translation>Höhere Prioritäten werden zuerst geprüft</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No condition (always)</source>
        <translation>Keine Bedingung (immer)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(same as default)</source>
        <translation>(wie Standard)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>null (always)</source>
        <translation>null (immer)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not valid JSON (offset %1): %2</source>
        <translation>Kein gültiges JSON (Position %1): %2</translation>
    </message>
</context>
<context>
    <name>mw::ui::BlockListModel</name>
    <message numerus="yes">
        <location filename="../ui/campaign/blocklistmodel.cpp" line="+83"/>
        <source>  (%n variant(s))</source>
        <translation>
            <numerusform>  (%n Variante)</numerusform>
            <numerusform>  (%n Varianten)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 block &quot;%2&quot;</source>
        <translation>%1-Block „%2“</translation>
    </message>
</context>
<context>
    <name>mw::ui::BlockPalette</name>
    <message>
        <location filename="../ui/campaign/blockpalette.cpp" line="+41"/>
        <source>Block types</source>
        <translation>Blocktypen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved blocks</source>
        <translation>Gespeicherte Blöcke</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Double-click or drag onto the block list to add</source>
        <translation>Zum Hinzufügen doppelklicken oder auf die Blockliste ziehen</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Library block, status %1</source>
        <translation>Bibliotheksblock, Status %1</translation>
    </message>
</context>
<context>
    <name>mw::ui::CampaignEditor</name>
    <message>
        <location filename="../ui/campaign/campaigneditor.cpp" line="+53"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add block</source>
        <translation>Block hinzufügen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate the selected block</source>
        <translation>Den ausgewählten Block duplizieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected block</source>
        <translation>Den ausgewählten Block löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected block up</source>
        <translation>Den ausgewählten Block nach oben schieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected block down</source>
        <translation>Den ausgewählten Block nach unten schieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save version…</source>
        <translation>Version speichern…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the campaign as a new version</source>
        <translation>Die Kampagne als neue Version speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save version</source>
        <translation>Version speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note for this version:</source>
        <translation>Notiz zu dieser Version:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment overview…</source>
        <translation>Segmentübersicht…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✉  Subject &amp;&amp; sender</source>
        <translation>✉  Betreff &amp;&amp; Absender</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add from palette or library</source>
        <translation>Aus Palette oder Bibliothek hinzufügen</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Opened.</source>
        <translation>Geöffnet.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Edited — autosave pending</source>
        <translation>Bearbeitet — automatisches Speichern steht aus</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved at %1</source>
        <translation>Gespeichert um %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not save the version: %1</source>
        <translation>Die Version konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved as version %1.</source>
        <translation>Als Version %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restore Version %1</source>
        <translation>Version %1 wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored version %1 (undo to go back).</source>
        <translation>Version %1 wiederhergestellt (Rückgängig macht es ungeschehen).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This campaign is not stored in a database.</source>
        <translation>Diese Kampagne ist in keiner Datenbank gespeichert.</translation>
    </message>
</context>
<context>
    <name>mw::ui::CampaignsPage</name>
    <message>
        <location filename="../ui/campaign/campaignspage.cpp" line="+22"/>
        <source>New campaign…</source>
        <translation>Neue Kampagne…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Campaign:</source>
        <translation>Kampagne:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+22"/>
        <location line="+5"/>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hello {{ subscriber.first_name }}</source>
        <translation>Hallo {{ subscriber.first_name }}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your store</source>
        <translation>Ihr Shop</translation>
    </message>
</context>
<context>
    <name>mw::ui::CompareDialog</name>
    <message>
        <location filename="../ui/campaign/comparedialog.cpp" line="+19"/>
        <source>Compare subscribers</source>
        <translation>Abonnenten vergleichen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>≠ %1</source>
        <translation>≠ %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preheader</source>
        <translation>Preheader</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(hidden)</source>
        <translation>(ausgeblendet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Block %1</source>
        <translation>Block %1</translation>
    </message>
</context>
<context>
    <name>mw::ui::ConditionEditor</name>
    <message>
        <location filename="../ui/campaign/conditioneditor.cpp" line="+83"/>
        <source>not</source>
        <translation>nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field test</source>
        <translation>Feldvergleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment member</source>
        <translation>Segmentmitglied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (groups, any/all)</source>
        <translation>JSON (Gruppen, any/all)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers and true/false are compared as such; put text in quotes to keep it text (&quot;10&quot;). For in / not_in: items separated by commas.</source>
        <translation>Zahlen und true/false werden als solche verglichen; Text in Anführungszeichen bleibt Text (&quot;10&quot;). Für in / not_in: Einträge durch Kommas getrennt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>segment name</source>
        <translation>Segmentname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in segment</source>
        <translation>im Segment</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>Not a JSON object yet.</source>
        <translation>Noch kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reads: %1</source>
        <translation>Bedeutet: %1</translation>
    </message>
</context>
<context>
    <name>mw::ui::ConditionGroupWidget</name>
    <message>
        <location filename="../ui/segments/conditiongroupwidget.cpp" line="+46"/>
        <source>Match ALL of these</source>
        <translation>ALLE diese Bedingungen erfüllen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match ANY of these</source>
        <translation>MINDESTENS EINE dieser Bedingungen erfüllen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switch all/any</source>
        <translation>Zwischen alle/eine umschalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+ Condition</source>
        <translation>+ Bedingung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add condition</source>
        <translation>Bedingung hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+ Group</source>
        <translation>+ Gruppe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add group</source>
        <translation>Gruppe hinzufügen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Move group up</source>
        <translation>Gruppe nach oben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move group down</source>
        <translation>Gruppe nach unten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove group</source>
        <translation>Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No conditions: every subscribed subscriber matches. Add a condition to narrow the audience.</source>
        <translation>Keine Bedingungen: Jeder angemeldete Abonnent passt. Fügen Sie eine Bedingung hinzu, um die Zielgruppe einzugrenzen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty group: it restricts nothing.</source>
        <translation>Leere Gruppe: Sie schränkt nichts ein.</translation>
    </message>
</context>
<context>
    <name>mw::ui::ConditionRowWidget</name>
    <message>
        <location filename="../ui/segments/conditionrowwidget.cpp" line="+166"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove condition</source>
        <translation>Bedingung entfernen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved segment</source>
        <translation>gespeichertes Segment</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Edit value</source>
        <translation>Wert bearbeiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change field</source>
        <translation>Feld ändern</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Change operator</source>
        <translation>Operator ändern</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+191"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="-180"/>
        <location line="+51"/>
        <location line="+53"/>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false</source>
        <translation>falsch</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than</source>
        <translation>mehr als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exactly</source>
        <translation>genau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fewer than</source>
        <translation>weniger als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not exactly</source>
        <translation>nicht genau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did not</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> times</source>
        <translation> Mal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>in the last</source>
        <translation>in den letzten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ever</source>
        <translation>jemals</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>any campaign</source>
        <translation>beliebige Kampagne</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>any category</source>
        <translation>beliebige Kategorie</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>any amount</source>
        <translation>beliebiger Betrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>amount %1</source>
        <translation>Betrag %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+10"/>
        <source>Edit event condition</source>
        <translation>Ereignisbedingung bearbeiten</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>is in</source>
        <translation>ist in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not in</source>
        <translation>ist nicht in</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit segment reference</source>
        <translation>Segmentverweis bearbeiten</translation>
    </message>
</context>
<context>
    <name>mw::ui::ContentPage</name>
    <message>
        <source>No content blocks yet</source>
        <translation type="vanished">Noch keine Inhaltsblöcke</translation>
    </message>
    <message>
        <source>Content is where you build the reusable pieces of your emails: modular blocks with personalised variants, rendered to email-safe HTML and previewed as each subscriber would see them.</source>
        <translation type="vanished">Unter „Inhalte“ bauen Sie die wiederverwendbaren Teile Ihrer E-Mails: modulare Blöcke mit personalisierten Varianten, als e-mail-taugliches HTML gerendert und so in der Vorschau gezeigt, wie jeder Abonnent sie sehen würde.</translation>
    </message>
    <message>
        <location filename="../ui/pages/contentpage.cpp" line="+6"/>
        <source>The content library is coming</source>
        <translation>Die Inhaltsbibliothek kommt bald</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This page will hold the reusable pieces of your emails. Until then, build content in Campaigns: the editor&apos;s palette has every block type and the saved blocks of the library, with personalised variants and a live preview.</source>
        <translation>Hier werden die wiederverwendbaren Bausteine Ihrer E-Mails liegen. Bis dahin bauen Sie Inhalte unter „Kampagnen“: Die Palette des Editors enthält alle Blocktypen und die gespeicherten Blöcke der Bibliothek, mit personalisierten Varianten und Live-Vorschau.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A library of blocks: hero, text, product grid, button, footer</source>
        <translation>Eine Blockbibliothek: Aufmacher, Text, Produktraster, Schaltfläche, Fußzeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variants per block, written in Liquid with fallbacks</source>
        <translation>Varianten je Block, in Liquid geschrieben, mit Ersatzwerten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desktop and mobile preview for any sample subscriber</source>
        <translation>Desktop- und Mobilvorschau für jeden Beispiel-Abonnenten</translation>
    </message>
</context>
<context>
    <name>mw::ui::EmptyStatePage</name>
    <message>
        <location filename="../ui/pages/emptystatepage.cpp" line="+24"/>
        <source>Coming in a later version of Mailwright.</source>
        <translation>Folgt in einer späteren Version von Mailwright.</translation>
    </message>
</context>
<context>
    <name>mw::ui::ExperimentList</name>
    <message>
        <location filename="../ui/experiments/experimentlist.cpp" line="+11"/>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 — arms: %2; metrics: %3</source>
        <translation>%1 – Varianten: %2; Kennzahlen: %3</translation>
    </message>
</context>
<context>
    <name>mw::ui::ExperimentReportTable</name>
    <message>
        <location filename="../ui/experiments/experimentreporttable.cpp" line="+20"/>
        <source>Arm</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>95 % CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lift</source>
        <translation>Uplift</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p-value</source>
        <translation>p-Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Holm p</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chance to beat
control</source>
        <translation>Chance, die Kontroll-
variante zu schlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Incremental</source>
        <translation>Zusätzlich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The arm; the control is the baseline every other arm is compared with</source>
        <translation>Die Variante; die Kontrollvariante ist die Basis, mit der jede andere verglichen wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units with a value for this metric</source>
        <translation>Einheiten mit einem Wert für diese Kennzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean per unit (for 0/1 metrics: the rate)</source>
        <translation>Mittelwert je Einheit (bei 0/1-Kennzahlen: die Rate)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean minus the control&apos;s mean (pp: percentage points)</source>
        <translation>Mittelwert minus Mittelwert der Kontrollvariante (PP: Prozentpunkte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95 % confidence interval of the difference</source>
        <translation>95-%-Konfidenzintervall der Differenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relative lift: the difference divided by the control&apos;s mean</source>
        <translation>Relativer Uplift: die Differenz geteilt durch den Mittelwert der Kontrollvariante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95 % confidence interval of the relative lift</source>
        <translation>95-%-Konfidenzintervall des relativen Uplifts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two-sided p-value of the difference (normal approximation)</source>
        <translation>Zweiseitiger p-Wert der Differenz (Normalapproximation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p-value adjusted for all comparisons of this report (Holm–Bonferroni); below 0.05 counts as significant</source>
        <translation>p-Wert, korrigiert für alle Vergleiche dieses Berichts (Holm-Bonferroni); unter 0,05 gilt als signifikant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probability that the arm&apos;s true mean is above the control&apos;s</source>
        <translation>Wahrscheinlichkeit, dass der wahre Mittelwert der Variante über dem der Kontrollvariante liegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference times the arm&apos;s units: the extra visits, orders or revenue</source>
        <translation>Differenz mal Einheiten der Variante: die zusätzlichen Besuche, Bestellungen oder Umsätze</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 (control)</source>
        <translation>%1 (Kontrolle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (holdout)</source>
        <translation>%1 (Holdout)</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+1"/>
        <source>baseline</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Control: every other arm is compared with it</source>
        <translation>Kontrollvariante: jede andere Variante wird mit ihr verglichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Holdout: kept out of the campaign to measure its effect</source>
        <translation>Holdout: von der Kampagne ausgenommen, um ihre Wirkung zu messen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Significant at 5 % after Holm adjustment (%1)</source>
        <translation>Signifikant auf 5-%-Niveau nach Holm-Korrektur (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not significant at 5 % after Holm adjustment (%1)</source>
        <translation>Nicht signifikant auf 5-%-Niveau nach Holm-Korrektur (%1)</translation>
    </message>
</context>
<context>
    <name>mw::ui::ExperimentReportView</name>
    <message>
        <location filename="../ui/experiments/experimentreportview.cpp" line="+24"/>
        <source>C&amp;UPED</source>
        <translation>C&amp;UPED</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Adjust every metric for the pre-period covariate (CUPED): the same comparison with less noise, so narrower intervals</source>
        <translation>Jede Kennzahl um die Kovariate aus der Vorperiode bereinigen (CUPED): derselbe Vergleich mit weniger Rauschen, also engere Intervalle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Kennzahl:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>How to read this: each dot is an arm&apos;s lift over the control, the line its 95 % confidence interval. An interval that does not cross zero is a real difference; filled dots (bold figures in the table) stay significant after the Holm adjustment for testing several arms and metrics at once.</source>
        <translation>So lesen Sie das Diagramm: Jeder Punkt ist der Uplift einer Variante gegenüber der Kontrollvariante, die Linie sein 95-%-Konfidenzintervall. Ein Intervall, das die Null nicht schneidet, zeigt einen echten Unterschied; gefüllte Punkte (fette Zahlen in der Tabelle) bleiben auch nach der Holm-Korrektur für das gleichzeitige Testen mehrerer Varianten und Kennzahlen signifikant.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every arm against the control “%1” · confidence %2 · no covariate</source>
        <translation>Jede Variante gegen die Kontrollvariante „%1“ · Konfidenz %2 · keine Kovariate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every arm against the control “%1” · confidence %2 · covariate “%3”</source>
        <translation>Jede Variante gegen die Kontrollvariante „%1“ · Konfidenz %2 · Kovariate „%3“</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>CUPED on “%1” reduces the variance of %2 by %3</source>
        <translation>CUPED mit „%1“ verringert die Varianz von %2 um %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CUPED cannot adjust %1 (the covariate is constant)</source>
        <translation>CUPED kann %1 nicht bereinigen (die Kovariate ist konstant)</translation>
    </message>
</context>
<context>
    <name>mw::ui::ExperimentsEmptyState</name>
    <message>
        <location filename="../ui/experiments/experimentsemptystate.cpp" line="+13"/>
        <source>No experiments in this database</source>
        <translation>Keine Experimente in dieser Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Experiment reports compare the arms of an A/B test or a holdout with the control: lift with 95 % confidence intervals, Holm-adjusted p-values and a sample-ratio check. Import an experiment&apos;s per-subscriber results from a CSV file to see its report here:</source>
        <translation>Experimentberichte vergleichen die Varianten eines A/B-Tests oder einen Holdout mit der Kontrollvariante: Uplift mit 95-%-Konfidenzintervallen, Holm-korrigierte p-Werte und eine Prüfung des Stichprobenverhältnisses. Importieren Sie die Ergebnisse eines Experiments je Abonnent aus einer CSV-Datei, um hier seinen Bericht zu sehen:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mailwright-cli import experiment --db FILE --name NAME --csv FILE
    --arm-column COLUMN --control ARM --metrics M1,M2 [--covariate COLUMN]</source>
        <translation>mailwright-cli import experiment --db DATEI --name NAME --csv DATEI
    --arm-column SPALTE --control VARIANTE --metrics M1,M2 [--covariate SPALTE]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Or create one with File ▸ New Sample Database: the sample database has an example experiment with a holdout.</source>
        <translation>Oder legen Sie mit Datei ▸ Neue Beispieldatenbank eine an: die Beispieldatenbank enthält ein Experiment mit Holdout.</translation>
    </message>
</context>
<context>
    <name>mw::ui::ExperimentsPage</name>
    <message>
        <location filename="../ui/pages/experimentspage.cpp" line="+37"/>
        <location line="+99"/>
        <source>Select an experiment to see its report.</source>
        <translation>Wählen Sie ein Experiment, um seinen Bericht zu sehen.</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;E&amp;xperiments&lt;/b&gt;</source>
        <translation>&lt;b&gt;E&amp;xperimente&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The report could not be loaded: %1</source>
        <translation>Der Bericht konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>mw::ui::ImportDialog</name>
    <message>
        <location filename="../ui/import/importdialog.cpp" line="+50"/>
        <location line="+122"/>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Choose a CSV file (UTF-8, header row)</source>
        <translation>CSV-Datei wählen (UTF-8, mit Kopfzeile)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subscribers</source>
        <translation>Abonnenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import nothing if any row is bad</source>
        <translation>Nichts importieren, wenn eine Zeile fehlerhaft ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip bad rows and write them to a rejects file</source>
        <translation>Fehlerhafte Zeilen überspringen und in eine Ausschussdatei schreiben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import as:</source>
        <translation>Importieren als:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad rows:</source>
        <translation>Fehlerhafte Zeilen:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CSV column</source>
        <translation>CSV-Spalte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First value</source>
        <translation>Erster Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import into</source>
        <translation>Importieren in</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preview (first rows):</source>
        <translation>Vorschau (erste Zeilen):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Column mapping:</source>
        <translation>Spaltenzuordnung:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The result of the import appears here.</source>
        <translation>Das Ergebnis des Imports erscheint hier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel Import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n column(s) found.</source>
        <translation>
            <numerusform>%n Spalte gefunden.</numerusform>
            <numerusform>%n Spalten gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Event property &quot;%1&quot;</source>
        <translation>Ereigniseigenschaft „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom attribute &quot;%1&quot;</source>
        <translation>Eigenes Attribut „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose a CSV file with a header row.</source>
        <translation>Wählen Sie eine CSV-Datei mit Kopfzeile.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Two columns are mapped to &quot;%1&quot;.</source>
        <translation>Zwei Spalten sind „%1“ zugeordnet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No column is mapped to &quot;%1&quot;.</source>
        <translation>Keine Spalte ist „%1“ zugeordnet.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Building indexes for %L1 rows…</source>
        <translation>Indizes für %L1 Zeilen werden aufgebaut…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing… %L1 rows read</source>
        <translation>Wird importiert… %L1 Zeilen gelesen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refreshing derived metrics… %L1 of %L2</source>
        <translation>Abgeleitete Kennzahlen werden aktualisiert… %L1 von %L2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled. The database was left as it was.</source>
        <translation>Abgebrochen. Die Datenbank blieb unverändert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import failed. The database was left as it was.</source>
        <translation>Der Import ist fehlgeschlagen. Die Datenbank blieb unverändert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported %L1 of %L2 rows.</source>
        <translation>%L1 von %L2 Zeilen importiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 new, %L2 updated, %L3 bad rows skipped.</source>
        <translation>%L1 neu, %L2 aktualisiert, %L3 fehlerhafte Zeilen übersprungen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bad rows were written to %1.</source>
        <translation>Fehlerhafte Zeilen wurden in %1 geschrieben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported: %L1 of %L2 rows are bad.</source>
        <translation>Nichts importiert: %L1 von %L2 Zeilen sind fehlerhaft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix these rows, or choose to skip bad rows, and import again.</source>
        <translation>Korrigieren Sie diese Zeilen oder wählen Sie, fehlerhafte Zeilen zu überspringen, und importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… and %L1 more bad rows.</source>
        <translation>… und %L1 weitere fehlerhafte Zeilen.</translation>
    </message>
</context>
<context>
    <name>mw::ui::InboxRow</name>
    <message>
        <location filename="../ui/campaign/inboxrow.cpp" line="+29"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(no sender name)</source>
        <translation>(kein Absendername)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
</context>
<context>
    <name>mw::ui::LiftChart</name>
    <message>
        <location filename="../ui/experiments/liftchart.cpp" line="+29"/>
        <source>Lift chart</source>
        <translation>Uplift-Diagramm</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>significant at 5 % (Holm)</source>
        <translation>signifikant auf 5-%-Niveau (Holm)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not significant at 5 %</source>
        <translation>nicht signifikant auf 5-%-Niveau</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (holdout)</source>
        <translation>%1 (Holdout)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Relative lift vs control (%), with 95 % interval</source>
        <translation>Relativer Uplift gegenüber der Kontrollvariante (%), mit 95-%-Intervall</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: %2 %3%4</source>
        <translation>%1: %2 %3%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, significant</source>
        <translation>, signifikant</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No relative lift of %1 to show: the control&apos;s mean is 0 or the arms have no values</source>
        <translation>Kein relativer Uplift von %1 darstellbar: der Mittelwert der Kontrollvariante ist 0 oder die Varianten haben keine Werte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relative lift of %1 against “%2”</source>
        <translation>Relativer Uplift von %1 gegenüber „%2“</translation>
    </message>
</context>
<context>
    <name>mw::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+50"/>
        <source>Mailwright databases (*.db *.sqlite *.mwdb);;All files (*)</source>
        <translation>Mailwright-Datenbanken (*.db *.sqlite *.mwdb);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+530"/>
        <source>Mailwright</source>
        <translation>Mailwright</translation>
    </message>
    <message>
        <location line="-514"/>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+34"/>
        <source>This build has no sample generator.</source>
        <translation>Diese Version enthält keinen Beispieldaten-Generator.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open Database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New &amp;Sample Database…</source>
        <translation>Neue &amp;Beispieldatenbank…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close Database</source>
        <translation>Datenbank &amp;schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+69"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+64"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>&amp;Find Subscriber</source>
        <translation>Abonnenten &amp;suchen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Audience</source>
        <translation>&amp;Zielgruppe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Content</source>
        <translation>&amp;Inhalte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ca&amp;mpaigns</source>
        <translation>&amp;Kampagnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Experiments</source>
        <translation>&amp;Experimente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Mailwright</source>
        <translation>&amp;Über Mailwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Mailwright</source>
        <translation>Über Mailwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Mailwright %1&lt;/h3&gt;&lt;p&gt;Design, personalise, preview and test email campaigns offline, on a local database of subscribers and their behaviour.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mailwright %1&lt;/h3&gt;&lt;p&gt;E-Mail-Kampagnen offline gestalten, personalisieren, in der Vorschau prüfen und testen – auf einer lokalen Datenbank Ihrer Abonnenten und ihres Verhaltens.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open or create a database first, then import into it.</source>
        <translation>Öffnen oder erstellen Sie zuerst eine Datenbank und importieren Sie dann hinein.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>New Database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Replace Database?</source>
        <translation>Datenbank ersetzen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” already exists. Replace it with a new sample database?</source>
        <translation>„%1“ existiert bereits. Durch eine neue Beispieldatenbank ersetzen?</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+13"/>
        <source>Creating sample database…</source>
        <translation>Beispieldatenbank wird erstellt…</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New Sample Database</source>
        <translation>Neue Beispieldatenbank</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Creating sample database: %1</source>
        <translation>Beispieldatenbank wird erstellt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sample Database</source>
        <translation>Beispieldatenbank</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The sample database could not be created.</source>
        <translation>Die Beispieldatenbank konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No recent databases</source>
        <translation>Keine zuletzt geöffneten Datenbanken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>“%1” is not a database file.</source>
        <translation>„%1“ ist keine Datenbankdatei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is an SQLite database of another program, not a Mailwright database.</source>
        <translation>„%1“ ist eine SQLite-Datenbank eines anderen Programms, keine Mailwright-Datenbank.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” was written by a newer version of Mailwright and cannot be opened by this version.</source>
        <translation>„%1“ wurde von einer neueren Mailwright-Version geschrieben und kann mit dieser Version nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is locked by another program. Close it there and try again.</source>
        <translation>„%1“ ist von einem anderen Programm gesperrt. Schließen Sie sie dort und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is damaged and cannot be opened.</source>
        <translation>„%1“ ist beschädigt und kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” does not exist.</source>
        <translation>„%1“ existiert nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” could not be opened.</source>
        <translation>„%1“ konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot Open Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file was left unchanged.</source>
        <translation>Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No database open</source>
        <translation>Keine Datenbank geöffnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — Mailwright</source>
        <translation>%1 — Mailwright</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counting subscribers…</source>
        <translation>Abonnenten werden gezählt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 subscriber</source>
        <translation>1 Abonnent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 subscribers</source>
        <translation>%1 Abonnenten</translation>
    </message>
</context>
<context>
    <name>mw::ui::MultiSelectEdit</name>
    <message>
        <location filename="../ui/segments/multiselectedit.cpp" line="+20"/>
        <source>values, separated by commas</source>
        <translation>Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pick</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick from the values present in the data</source>
        <translation>Aus den Werten in den Daten auswählen</translation>
    </message>
</context>
<context>
    <name>mw::ui::PreviewScheduler</name>
    <message>
        <location filename="../ui/campaign/previewscheduler.cpp" line="+68"/>
        <source>No renderer is available.</source>
        <translation>Kein Renderer verfügbar.</translation>
    </message>
</context>
<context>
    <name>mw::ui::PreviewView</name>
    <message>
        <location filename="../ui/campaign/previewview.cpp" line="+148"/>
        <source>Desktop 600 px</source>
        <translation>Desktop 600 px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile 375 px</source>
        <translation>Mobil 375 px</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load images</source>
        <translation>Bilder laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remote images and other remote content are blocked until you allow them</source>
        <translation>Externe Bilder und andere externe Inhalte sind gesperrt, bis Sie sie zulassen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>Nur Text</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This subscriber&apos;s email could not be rendered: %1</source>
        <translation>Die E-Mail dieses Abonnenten konnte nicht gerendert werden: %1</translation>
    </message>
</context>
<context>
    <name>mw::ui::RenderExplanationPanel</name>
    <message>
        <location filename="../ui/campaign/renderexplanationpanel.cpp" line="+18"/>
        <location line="+1"/>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subscriber&apos;s values</source>
        <translation>Werte des Abonnenten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why this email?</source>
        <translation>Warum diese E-Mail?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
</context>
<context>
    <name>mw::ui::ReportFormat</name>
    <message>
        <location filename="../ui/experiments/reportformat.cpp" line="+62"/>
        <location line="+27"/>
        <location line="+28"/>
        <location line="+14"/>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>%1 pp</source>
        <comment>percentage points</comment>
        <translation>%1 PP</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>[%1, %2] pp</source>
        <comment>interval in percentage points</comment>
        <translation>[%1; %2] PP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[%1, %2]</source>
        <comment>interval</comment>
        <translation>[%1; %2]</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>[%1 %, %2 %]</source>
        <comment>interval of percentages</comment>
        <translation>[%1 %; %2 %]</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt; %1</source>
        <comment>p-value below a bound</comment>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&gt; %1 %</source>
        <comment>more than a percentage</comment>
        <translation>&gt; %1 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt; %1 %</source>
        <comment>less than a percentage</comment>
        <translation>&lt; %1 %</translation>
    </message>
</context>
<context>
    <name>mw::ui::SampleDatabaseDialog</name>
    <message>
        <location filename="../ui/sampledatabasedialog.cpp" line="+20"/>
        <source>New Sample Database</source>
        <translation>Neue Beispieldatenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creates a database with realistic subscribers, a product catalogue, 180 days of events, derived metrics and example segments, campaigns and experiments. The same seed always gives the same data.</source>
        <translation>Erstellt eine Datenbank mit realistischen Abonnenten, einem Produktkatalog, Ereignissen aus 180 Tagen, abgeleiteten Kennzahlen sowie Beispielsegmenten, -kampagnen und -experimenten. Derselbe Startwert ergibt immer dieselben Daten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribers:</source>
        <translation>Abonnenten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sample Database</source>
        <translation>Beispieldatenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailwright databases (*.db *.sqlite *.mwdb);;All files (*)</source>
        <translation>Mailwright-Datenbanken (*.db *.sqlite *.mwdb);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>mw::ui::SegmentOverviewDialog</name>
    <message>
        <location filename="../ui/campaign/segmentoverviewdialog.cpp" line="+106"/>
        <source>Analyse</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segment overview</source>
        <translation>Segmentübersicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at most </source>
        <translation>höchstens </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> members</source>
        <translation> Mitglieder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Block / subject</source>
        <translation>Block / Betreff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Segment:</source>
        <translation>Segment:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Rendering the members of %1…</source>
        <translation>Mitglieder von %1 werden gerendert…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not analyse the segment: %1</source>
        <translation>Das Segment konnte nicht analysiert werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 members rendered%3: %4 distinct emails; %5 with warnings.</source>
        <translation>%1 von %2 Mitgliedern gerendert%3: %4 verschiedene E-Mails; %5 mit Warnungen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Subject line</source>
        <translation>Betreffzeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preheader</source>
        <translation>Preheader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rules that never fired</source>
        <translation>Regeln, die nie gegriffen haben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Missing fields</source>
        <translation>Fehlende Felder</translation>
    </message>
    <message>
        <source>The segment&apos;s members could not be read.</source>
        <translation type="vanished">Die Mitglieder des Segments konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 of %2 members rendered%3: %4 distinct emails, %5 failed.</source>
        <translation type="vanished">%1 von %2 Mitgliedern gerendert%3: %4 verschiedene E-Mails, %5 fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source>Subject lines</source>
        <translation type="vanished">Betreffzeilen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <source>default</source>
        <translation type="vanished">Standard</translation>
    </message>
</context>
<context>
    <name>mw::ui::SegmentsPage</name>
    <message>
        <location filename="../ui/segments/segmentspage.cpp" line="+94"/>
        <source>&lt;b&gt;Saved segments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gespeicherte Segmente&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+119"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New segment</source>
        <translation>Neues Segment</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>segment name</source>
        <translation>Segmentname</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the segment (%1)</source>
        <translation>Segment speichern (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is in</source>
        <translation>Wer dazugehört</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is left out</source>
        <translation>Wer ausgeschlossen ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Primary KPI</source>
        <translation>Wichtigste Kennzahl (KPI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&lt;b&gt;Funnel&lt;/b&gt; – subscribers left after each condition</source>
        <translation>&lt;b&gt;Trichter&lt;/b&gt; – verbleibende Abonnenten nach jeder Bedingung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Double-click a subscriber to open it in the subscriber browser</source>
        <translation>Doppelklicken Sie einen Abonnenten, um ihn in der Abonnentenliste zu öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample members</source>
        <translation>Beispielmitglieder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Invalid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 subscribers</source>
        <translation>%1 Abonnenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact count in %1 ms; funnel and sample in %2 ms more</source>
        <translation>Genaue Anzahl in %1 ms; Trichter und Stichprobe in weiteren %2 ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start: %1</source>
        <translation>Start: %1</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Exact count now</source>
        <translation>Jetzt genau zählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last recorded count; counting now</source>
        <translation>Zuletzt gespeicherte Anzahl; wird neu gezählt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counting</source>
        <translation>Zählen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Updated %1</source>
        <translation>Geändert am %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Give the segment a name before saving.</source>
        <translation>Geben Sie dem Segment vor dem Speichern einen Namen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Rename segment</source>
        <translation>Segment umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name for &quot;%1&quot;:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete segment</source>
        <translation>Segment löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the segment &quot;%1&quot; and its version history?</source>
        <translation>Das Segment „%1“ und seinen Versionsverlauf löschen?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Renaming…</source>
        <translation>Wird umbenannt…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>„%1“ in „%2“ umbenannt.</translation>
    </message>
</context>
<context>
    <name>mw::ui::SrmBanner</name>
    <message>
        <location filename="../ui/experiments/srmbanner.cpp" line="+30"/>
        <source>✓ Assignment looks balanced: the arms&apos; sizes match the planned split (sample-ratio check p = %1).</source>
        <translation>✓ Die Zuteilung wirkt ausgewogen: die Größen der Varianten passen zur geplanten Aufteilung (Prüfung des Stichprobenverhältnisses p = %1).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 observed, %3 planned</source>
        <translation>%1: %2 beobachtet, %3 geplant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;⚠ Sample ratio mismatch&lt;/b&gt; — the arms&apos; sizes do not match the planned split (p = %1). The assignment or the data is probably broken; do not trust the lifts below until the cause is found.&lt;br&gt;%2</source>
        <translation>&lt;b&gt;⚠ Abweichendes Stichprobenverhältnis&lt;/b&gt; – die Größen der Varianten passen nicht zur geplanten Aufteilung (p = %1). Die Zuteilung oder die Daten sind vermutlich fehlerhaft; vertrauen Sie den Uplifts unten erst, wenn die Ursache gefunden ist.&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>mw::ui::SubscriberBrowser</name>
    <message>
        <location filename="../ui/audience/subscriberbrowser.cpp" line="+64"/>
        <source>Search e-mail or name…</source>
        <translation>E-Mail oder Name suchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finds subscribers whose e-mail, first name or last name starts with the text; “Anna Sch” matches first and last name.</source>
        <translation>Findet Abonnenten, deren E-Mail, Vor- oder Nachname mit dem Text beginnt; „Anna Sch“ sucht nach Vor- und Nachname.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+212"/>
        <source>All countries</source>
        <translation>Alle Länder</translation>
    </message>
    <message>
        <location line="-211"/>
        <location line="+212"/>
        <source>All lifecycle stages</source>
        <translation>Alle Lebenszyklus-Phasen</translation>
    </message>
    <message>
        <location line="-211"/>
        <location line="+213"/>
        <source>All engagement tiers</source>
        <translation>Alle Engagement-Stufen</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the search and all filters</source>
        <translation>Suche und alle Filter zurücksetzen</translation>
    </message>
    <message>
        <location line="+103"/>
        <location line="+100"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 subscriber</source>
        <translation>1 Abonnent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 subscribers</source>
        <translation>%1 Abonnenten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 subscribers</source>
        <translation>%1 von %2 Abonnenten</translation>
    </message>
</context>
<context>
    <name>mw::ui::SubscriberDetailPane</name>
    <message>
        <location filename="../ui/audience/subscriberdetailpane.cpp" line="+42"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>External ID</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribed since</source>
        <translation>Abonnent seit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Engagement score (90 days)</source>
        <translation>Engagement-Wert (90 Tage)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Engagement score (30 days)</source>
        <translation>Engagement-Wert (30 Tage)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engagement tier</source>
        <translation>Engagement-Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lifecycle stage</source>
        <translation>Lebenszyklus-Phase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RFM segment</source>
        <translation>RFM-Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recency score</source>
        <translation>Aktualitätswert (R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frequency score</source>
        <translation>Häufigkeitswert (F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monetary score</source>
        <translation>Umsatzwert (M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days since last purchase</source>
        <translation>Tage seit dem letzten Kauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifetime value</source>
        <translation>Kundenwert (CLV)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Average order value</source>
        <translation>Durchschnittlicher Bestellwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourite category</source>
        <translation>Lieblingskategorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last open</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last click</source>
        <translation>Zuletzt geklickt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last purchase</source>
        <translation>Letzter Kauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Churn risk</source>
        <translation>Abwanderungsrisiko</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Purchase propensity</source>
        <translation>Kaufneigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best send hour</source>
        <translation>Beste Versandstunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Computed</source>
        <translation>Berechnet</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Campaign / product</source>
        <translation>Kampagne / Produkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show older events</source>
        <translation>Ältere Ereignisse zeigen</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+103"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+11"/>
        <location line="+25"/>
        <source>Select a subscriber to see their profile, metrics and event timeline.</source>
        <translation>Wählen Sie einen Abonnenten, um Profil, Kennzahlen und Ereignisverlauf zu sehen.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Subscriber %1 no longer exists.</source>
        <translation>Abonnent %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not load subscriber %1: %2</source>
        <translation>Abonnent %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · score %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · Wert %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 order</source>
        <translation>1 Bestellung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 orders</source>
        <translation>%1 Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revenue %1</source>
        <translation>Umsatz %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No derived metrics yet</source>
        <translation>Noch keine abgeleiteten Kennzahlen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Custom attributes</source>
        <translation>Eigene Attribute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No derived metrics have been computed for this subscriber.</source>
        <translation>Für diesen Abonnenten wurden noch keine Kennzahlen berechnet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Timeline (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No events recorded.</source>
        <translation>Keine Ereignisse erfasst.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the newest %1 of %2 events</source>
        <translation>Die neuesten %1 von %2 Ereignissen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not load events: %1</source>
        <translation>Ereignisse konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>mw::ui::SubscriberPicker</name>
    <message>
        <source>Find subscriber by email or name…</source>
        <translation type="vanished">Abonnent nach E-Mail oder Name suchen…</translation>
    </message>
    <message>
        <location filename="../ui/campaign/subscriberpicker.cpp" line="+30"/>
        <source>Find by e-mail or name…</source>
        <translation>Nach E-Mail oder Name suchen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous subscriber</source>
        <translation>Vorheriger Abonnent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next subscriber</source>
        <translation>Nächster Abonnent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A random subscriber (from the segment, if one is chosen)</source>
        <translation>Ein zufälliger Abonnent (aus dem Segment, falls eines gewählt ist)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All subscribers</source>
        <translation>Alle Abonnenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick preview subscribers from a segment</source>
        <translation>Vorschau-Abonnenten aus einem Segment wählen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preview for:</source>
        <translation>Vorschau für:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From:</source>
        <translation>Aus:</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Subscriber #%1</source>
        <translation>Abonnent #%1</translation>
    </message>
</context>
<context>
    <name>mw::ui::SubscriberTableModel</name>
    <message>
        <location filename="../ui/audience/subscribertablemodel.cpp" line="+323"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last open</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
</context>
<context>
    <name>mw::ui::TraceWords</name>
    <message>
        <location filename="../ui/campaign/tracewords.cpp" line="+19"/>
        <source>matched</source>
        <translation>zutreffend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not matched</source>
        <translation>nicht zutreffend</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+38"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>fallback: default</source>
        <translation>Ersatz: Standard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fallback</source>
        <translation>Ersatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suppressed</source>
        <translation>unterdrückt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hidden</source>
        <translation>ausgeblendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not hidden</source>
        <translation>nicht ausgeblendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+31"/>
        <source>variant %1</source>
        <translation>Variante %1</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not in segment &quot;%1&quot;</source>
        <translation>nicht im Segment „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in segment &quot;%1&quot;</source>
        <translation>im Segment „%1“</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>hide</source>
        <translation>ausblenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>requires</source>
        <translation>benötigt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not a member</source>
        <translation>kein Mitglied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>condition holds</source>
        <translation>Bedingung erfüllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>condition does not hold</source>
        <translation>Bedingung nicht erfüllt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(missing data: %1)</source>
        <translation>(fehlende Daten: %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hide rule holds: %1</source>
        <translation>Ausblenderegel erfüllt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hide rule does not hold: %1</source>
        <translation>Ausblenderegel nicht erfüllt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>first matching variant by priority</source>
        <translation>erste zutreffende Variante nach Priorität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>block has no variants</source>
        <translation>Block hat keine Varianten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no variant condition holds</source>
        <translation>keine Variantenbedingung erfüllt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fallback because %1 is missing</source>
        <translation>Ersatz, weil %1 fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>variant %1 needs %2, which is missing; using the default content</source>
        <translation>Variante %1 benötigt %2, das fehlt; Standardinhalt wird verwendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>suppressed because %1 is missing (never rendered broken)</source>
        <translation>unterdrückt, weil %1 fehlt (nie fehlerhaft dargestellt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no %1 variant condition holds</source>
        <translation>keine Bedingung einer %1-Variante erfüllt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no %1 variants</source>
        <translation>keine %1-Varianten</translation>
    </message>
</context>
<context>
    <name>mw::ui::VersionHistoryDialog</name>
    <message>
        <location filename="../ui/campaign/versionhistorydialog.cpp" line="+18"/>
        <source>Version history</source>
        <translation>Versionsverlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restoring replaces the working document; you can undo it.</source>
        <translation>Das Wiederherstellen ersetzt das Arbeitsdokument; Sie können es rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>mw::ui::WelcomePage</name>
    <message>
        <location filename="../ui/pages/welcomepage.cpp" line="+26"/>
        <source>Create Sample Database…</source>
        <translation>Beispieldatenbank erstellen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome to Mailwright</source>
        <translation>Willkommen bei Mailwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailwright works on a local database of subscribers, products and events. Start with a realistic sample to explore, create an empty database to import your own data, or open an existing one.</source>
        <translation>Mailwright arbeitet mit einer lokalen Datenbank aus Abonnenten, Produkten und Ereignissen. Beginnen Sie mit realistischen Beispieldaten, legen Sie eine leere Datenbank für Ihre eigenen Daten an oder öffnen Sie eine vorhandene.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New Empty Database…</source>
        <translation>Neue leere Datenbank…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Database…</source>
        <translation>Datenbank öffnen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recent databases</source>
        <translation>Zuletzt geöffnete Datenbanken</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recent databases.</source>
        <translation>Keine zuletzt geöffneten Datenbanken.</translation>
    </message>
</context>
</TS>
