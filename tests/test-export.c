/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "kurs-approval.h"
#include "kurs-document-export.h"
#include "kurs-example.h"
#include "kurs-hearing.h"
#include "kurs-odt.h"
#include "kurs-spreadsheet.h"
#include "kurs-test-util.h"

/* The OpenDocument text and the spreadsheet, read back as files: the
 * package's own rules, the XML's styles, lists, tables and pictures, the
 * text exactly as typed, the versions, and what a bad place to write
 * does.  LibreOffice opens them in e2e-documents. */

typedef struct {
  char       *dir;
  char       *path;
  KursStore  *store;
  KursRecord *strategy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = kurs_test_make_dir ();
  f->path = g_build_filename (f->dir, "library.kurs", NULL);
  f->store = kurs_store_open (f->path, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->strategy = kurs_example_create (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->strategy);
  g_clear_object (&f->store);
  kurs_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A package's entry, whole */
static GBytes *
zip_entry (const char *path,
           const char *name)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &code);
  zip_stat_t stat;
  zip_file_t *file;
  char *data;

  g_assert_nonnull (zip);
  if (zip_stat (zip, name, 0, &stat) != 0)
    {
      zip_close (zip);
      return NULL;
    }
  data = g_malloc (stat.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (file);
  zip_close (zip);
  data[stat.size] = '\0';
  return g_bytes_new_take (data, stat.size);
}

/* A part of the package, which must be well-formed XML */
static xmlDocPtr
xml_entry (const char *path,
           const char *name)
{
  g_autoptr(GBytes) bytes = zip_entry (path, name);
  gsize length;
  const char *data;
  xmlDocPtr doc;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &length);
  doc = xmlReadMemory (data, length, name, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

static xmlXPathObjectPtr
xpath (xmlDocPtr   doc,
       const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, BAD_CAST "office", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "style", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:style:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "text", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "table", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "draw", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "fo", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "xlink", BAD_CAST "http://www.w3.org/1999/xlink");
  xmlXPathRegisterNs (context, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlXPathRegisterNs (context, BAD_CAST "meta", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:meta:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "svg", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "manifest", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "x", BAD_CAST "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static int
count (xmlDocPtr   doc,
       const char *expression)
{
  g_autofree char *counting = g_strdup_printf ("count(%s)", expression);
  xmlXPathObjectPtr result = xpath (doc, counting);
  int n = (int) xmlXPathCastToNumber (result);

  xmlXPathFreeObject (result);
  return n;
}

static char *
string (xmlDocPtr   doc,
        const char *expression)
{
  g_autofree char *stringing = g_strdup_printf ("string(%s)", expression);
  xmlXPathObjectPtr result = xpath (doc, stringing);
  char *text = g_strdup ((char *) result->stringval);

  xmlXPathFreeObject (result);
  return text;
}

/* A paragraph's text as a person reads it: <text:s/> spaces, tabs and
 * line breaks put back */
static void
append_text (GString    *text,
             xmlNodePtr  node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        g_string_append (text, (char *) child->content);
      else if (xmlStrEqual (child->name, BAD_CAST "s"))
        {
          xmlChar *c = xmlGetProp (child, BAD_CAST "c");
          int n = c ? atoi ((char *) c) : 1;

          for (int i = 0; i < n; i++)
            g_string_append_c (text, ' ');
          xmlFree (c);
        }
      else if (xmlStrEqual (child->name, BAD_CAST "tab"))
        g_string_append_c (text, '\t');
      else if (xmlStrEqual (child->name, BAD_CAST "line-break"))
        g_string_append_c (text, '\n');
      else
        append_text (text, child);
    }
}

/* Every paragraph of a style, its text as read, one a line */
static char *
paragraphs_of_style (xmlDocPtr   doc,
                     const char *style)
{
  g_autofree char *expression = g_strdup_printf ("//text:p[@text:style-name='%s']", style);
  xmlXPathObjectPtr result = xpath (doc, expression);
  GString *text = g_string_new (NULL);

  for (int i = 0; result->nodesetval && i < result->nodesetval->nodeNr; i++)
    {
      append_text (text, result->nodesetval->nodeTab[i]);
      g_string_append_c (text, '\n');
    }
  xmlXPathFreeObject (result);
  return g_string_free (text, FALSE);
}

static gboolean
set_text (KursStore  *store,
          KursRecord *record,
          const char *field,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = kurs_store_set_text (store, record, field, text, &error);

  g_assert_no_error (error);
  return ok;
}

static void
start_revision (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kurs_approval_start_revision (f->store, f->strategy, &error));
  g_assert_no_error (error);
}

/* The package: mimetype first, stored, read without inflating; the parts
 * well-formed; every picture in the manifest */
static void
test_odt_package (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (f->dir, "strategi.odt", NULL);
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;
  xmlDocPtr manifest, content, styles, meta;
  gsize length;
  int code = 0;
  zip_t *zip;
  zip_stat_t stat;

  g_assert_true (kurs_document_export_strategy (f->store, f->strategy, KURS_DOCUMENT_LATEST_VERSION, odt, &error));
  g_assert_no_error (error);

  /* the first local header names "mimetype", with no extra field, and
   * its bytes follow as they are */
  raw = kurs_test_read_file (odt, &length);
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpmem (raw, 4, "PK\x03\x04", 4);
  g_assert_cmpint (raw[8] | raw[9] << 8, ==, 0);          /* stored */
  g_assert_cmpint (raw[26] | raw[27] << 8, ==, 8);        /* name length */
  g_assert_cmpint (raw[28] | raw[29] << 8, ==, 0);        /* extra field length */
  g_assert_cmpmem (raw + 30, 8, "mimetype", 8);
  g_assert_cmpmem (raw + 38, 39, "application/vnd.oasis.opendocument.text", 39);

  zip = zip_open (odt, ZIP_RDONLY | ZIP_CHECKCONS, &code);
  g_assert_nonnull (zip);
  g_assert_cmpstr (zip_get_name (zip, 0, 0), ==, "mimetype");
  g_assert_cmpint (zip_stat_index (zip, 0, 0, &stat), ==, 0);
  g_assert_cmpint (stat.comp_method, ==, ZIP_CM_STORE);
  zip_close (zip);

  manifest = xml_entry (odt, "META-INF/manifest.xml");
  content = xml_entry (odt, "content.xml");
  styles = xml_entry (odt, "styles.xml");
  meta = xml_entry (odt, "meta.xml");

  g_assert_cmpint (count (manifest, "//manifest:file-entry[@manifest:full-path='/' and "
                                    "@manifest:media-type='application/vnd.oasis.opendocument.text']"), ==, 1);
  for (const char *const *part = (const char *[]) { "content.xml", "styles.xml", "meta.xml", NULL }; *part; part++)
    {
      g_autofree char *entry = g_strdup_printf ("//manifest:file-entry[@manifest:full-path='%s']", *part);

      g_assert_cmpint (count (manifest, entry), ==, 1);
    }

  /* Every picture the text shows is in the package and the manifest:
   * an SVG (well-formed XML), then a PNG */
  {
    xmlXPathObjectPtr images = xpath (content, "//draw:frame/draw:image/@xlink:href");

    g_assert_cmpint (images->nodesetval->nodeNr, >=, 2);
    g_assert_cmpint (images->nodesetval->nodeNr % 2, ==, 0);
    for (int i = 0; i < images->nodesetval->nodeNr; i++)
      {
        g_autofree char *href = (char *) xmlNodeGetContent (images->nodesetval->nodeTab[i]);
        g_autofree char *entry = g_strdup_printf ("//manifest:file-entry[@manifest:full-path='%s']", href);
        g_autoptr(GBytes) picture = zip_entry (odt, href);

        g_assert_nonnull (picture);
        g_assert_cmpint (count (manifest, entry), ==, 1);
        if (i % 2 == 0)
          {
            xmlDocPtr svg;

            g_assert_true (g_str_has_suffix (href, ".svg"));
            svg = xml_entry (odt, href);
            g_assert_cmpstr ((char *) xmlDocGetRootElement (svg)->name, ==, "svg");
            xmlFreeDoc (svg);
          }
        else
          {
            g_assert_true (g_str_has_suffix (href, ".png"));
            g_assert_cmpmem (g_bytes_get_data (picture, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
          }
      }
    xmlXPathFreeObject (images);
  }

  xmlFreeDoc (manifest);
  xmlFreeDoc (content);
  xmlFreeDoc (styles);
  xmlFreeDoc (meta);
}

/* Named styles a consultant restyles in one place, real lists and
 * tables, the document's language and its metadata */
static void
test_odt_structure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (f->dir, "strategi.odt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy), NULL);
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  g_autofree char *version = NULL;
  g_autofree char *tables = NULL;
  xmlDocPtr content, styles, meta;

  g_assert_true (kurs_document_export_strategy (f->store, f->strategy, KURS_DOCUMENT_LATEST_VERSION, odt, &error));
  g_assert_no_error (error);
  content = xml_entry (odt, "content.xml");
  styles = xml_entry (odt, "styles.xml");
  meta = xml_entry (odt, "meta.xml");

  /* The styles are defined once, in styles.xml, and used by name */
  for (const char *const *name = (const char *[]) { "Title", "Heading_20_1", "Heading_20_2", "Heading_20_3",
                                                    "Text_20_body", "List", "Table_20_Heading",
                                                    "Table_20_Contents", NULL }; *name; name++)
    {
      g_autofree char *defined = g_strdup_printf ("//office:styles/style:style[@style:name='%s']", *name);

      g_assert_cmpint (count (styles, defined), ==, 1);
    }
  g_assert_cmpint (count (styles, "//style:style[@style:name='Heading_20_1'][@style:display-name='Heading 1']"), ==, 1);
  title = string (content, "//text:p[@text:style-name='Title']");
  g_assert_cmpstr (title, ==, kurs_record_get_title (f->strategy));
  g_assert_cmpint (count (content, "//text:h[@text:style-name='Heading_20_1' and @text:outline-level='1']"), >=, 4);
  g_assert_cmpint (count (content, "//text:h[.='Vision']"), ==, 1);
  g_assert_cmpint (count (content, "//text:h[@text:style-name='Heading_20_2']"), >=, 4);
  g_assert_cmpint (count (content, "//text:p[@text:style-name='Text_20_body']"), >=, 4);
  /* no paragraph is styled by hand */
  g_assert_cmpint (count (content, "//office:automatic-styles/style:style[@style:family='paragraph']"), ==, 0);

  /* The target group and the bearings are lists of list items */
  g_assert_cmpint (count (content, "//text:list[@text:style-name='List_20_1']/text:list-item/text:p[@text:style-name='List']"),
                   >=, 2);
  g_assert_cmpint (count (styles, "//text:list-style[@style:name='List_20_1']/text:list-level-style-bullet"), >=, 1);

  /* Each action plan's initiatives are a table with a header row that
   * repeats on each page */
  g_assert_cmpint (count (content, "//table:table"), ==, plans->len);
  g_assert_cmpint (count (content, "//table:table/table:table-header-rows/table:table-row"), ==, plans->len);
  g_assert_cmpint (count (content, "//table:table[1]/table:table-column"), ==, 6);
  tables = paragraphs_of_style (content, "Table_20_Contents");
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GPtrArray) initiatives = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE,
                                                          kurs_record_get_id (plans->pdata[i]), NULL);

      for (guint k = 0; k < initiatives->len; k++)
        {
          g_autofree char *line = g_strdup_printf ("%s\n", kurs_record_get_title (initiatives->pdata[k]));

          g_assert_nonnull (strstr (tables, line));
        }
    }

  /* Its language: Danish, the strategy's, for spelling and hyphenation */
  language = string (meta, "//dc:language");
  g_assert_cmpstr (language, ==, "da-DK");
  g_assert_cmpint (count (styles, "//style:default-style[@style:family='paragraph']/style:text-properties"
                                  "[@fo:language='da' and @fo:country='DK']"), ==, 1);
  g_free (title);
  title = string (meta, "//dc:title");
  g_assert_cmpstr (title, ==, kurs_record_get_title (f->strategy));
  version = string (meta, "//meta:user-defined[@meta:name='Version']");
  g_assert_cmpstr (version, ==, "Version 1");
  g_assert_cmpint (count (meta, "//meta:user-defined[@meta:name='Approved'][.='2022-11-29']"), ==, 1);
  g_assert_cmpint (count (meta, "//meta:generator[starts-with(., 'Kurs/')]"), ==, 1);

  g_assert_cmpint (count (content, "//draw:frame[svg:title='Timeline']"), ==, 1);
  xmlFreeDoc (content);

  /* The draft, with today's key figures: each indicator measured is a
   * picture titled with its name, and the timeline too */
  g_assert_true (kurs_document_export_strategy (f->store, f->strategy, KURS_DOCUMENT_DRAFT, odt, &error));
  g_assert_no_error (error);
  content = xml_entry (odt, "content.xml");
  {
    g_autoptr(GPtrArray) indicators = kurs_store_list (f->store, KURS_ENTITY_INDICATOR,
                                                       kurs_record_get_id (f->strategy), NULL);
    guint measured = 0;

    for (guint i = 0; i < indicators->len; i++)
      {
        g_autoptr(GPtrArray) measurements = kurs_store_list (f->store, KURS_ENTITY_MEASUREMENT,
                                                             kurs_record_get_id (indicators->pdata[i]), NULL);
        g_autofree char *frame = g_strdup_printf ("//draw:frame[svg:title=\"%s\"]",
                                                  kurs_record_get_title (indicators->pdata[i]));

        if (measurements->len == 0)
          continue;
        measured++;
        g_assert_cmpint (count (content, frame), ==, 1);
      }
    g_assert_cmpuint (measured, >=, 2);
    g_assert_cmpint (count (content, "//draw:frame[svg:title]"), ==, measured + 1);
  }
  xmlFreeDoc (content);
  xmlFreeDoc (styles);
  xmlFreeDoc (meta);
}

/* What was typed comes out as typed: Danish letters, runs of spaces,
 * tabs, line breaks; control characters XML cannot hold are left out,
 * and a text of a megabyte is there whole */
static void
test_odt_text_as_typed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (f->dir, "udkast.odt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *vision = "  Ærø og Åbenrå:  to   mellemrum\tog en tabulator\nNæste linje – «citat» ø";
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  xmlDocPtr content;

  start_revision (f);
  g_assert_true (set_text (f->store, f->strategy, "vision", vision));

  /* a focus area's description of a megabyte */
  while (long_text->len < 1000 * 1000)
    g_string_append (long_text, "Velfærd for udsatte borgere æøå ÆØÅ. ");
  areas = kurs_store_list (f->store, KURS_ENTITY_FOCUS_AREA, kurs_record_get_id (f->strategy), NULL);
  g_assert_cmpuint (areas->len, >, 0);
  g_assert_true (set_text (f->store, areas->pdata[0], "description", long_text->str));

  g_assert_true (kurs_document_export_strategy (f->store, f->strategy, KURS_DOCUMENT_DRAFT, odt, &error));
  g_assert_no_error (error);
  content = xml_entry (odt, "content.xml");
  body = paragraphs_of_style (content, "Text_20_body");

  /* each line is a paragraph of its own; within it, every space and tab */
  g_assert_nonnull (strstr (body, "\n  Ærø og Åbenrå:  to   mellemrum\tog en tabulator\nNæste linje – «citat» ø\n"));
  g_string_append_c (long_text, '\n');
  g_assert_nonnull (strstr (body, long_text->str));

  xmlFreeDoc (content);

  /* The store keeps control characters out; the writer does too, for a
   * document made of other text */
  {
    g_autoptr(KursPrintDocument) document = kurs_print_document_new ("Styr\x02tegn");
    g_autofree char *other = g_build_filename (f->dir, "styretegn.odt", NULL);
    KursOdtInfo info = { "da-DK" };

    kurs_print_document_add_heading (document, 1, "Styr\x02tegn");
    kurs_print_document_add_text (document, "Før\x01" "efter\x1f");
    g_assert_true (kurs_odt_write (document, &info, other, &error));
    g_assert_no_error (error);
    content = xml_entry (other, "content.xml");
    g_free (body);
    body = paragraphs_of_style (content, "Text_20_body");
    g_assert_cmpstr (body, ==, "Førefter\n");
    xmlFreeDoc (content);
  }
}

/* The latest approved version by default, another by number, or the
 * draft; a version that is not there, or none at all, is refused with
 * nothing written */
static void
test_odt_versions (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (f->dir, "strategi.odt", NULL);
  g_autofree char *original = g_strdup (kurs_record_get_text (f->strategy, "vision"));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) other = NULL;
  xmlDocPtr content, meta;

  start_revision (f);
  g_assert_true (set_text (f->store, f->strategy, "vision", "En ny vision efter revisionen."));

  /* the approved version: the text as it was frozen */
  g_assert_true (kurs_document_export_strategy (f->store, f->strategy, KURS_DOCUMENT_LATEST_VERSION, odt, &error));
  g_assert_no_error (error);
  content = xml_entry (odt, "content.xml");
  text = paragraphs_of_style (content, "Text_20_body");
  g_assert_nonnull (strstr (text, original));
  g_assert_null (strstr (text, "En ny vision"));
  xmlFreeDoc (content);
  g_free (text);

  /* version 1 by number: the same */
  g_assert_true (kurs_document_export_strategy (f->store, f->strategy, 1, odt, &error));
  g_assert_no_error (error);
  content = xml_entry (odt, "content.xml");
  text = paragraphs_of_style (content, "Text_20_body");
  g_assert_null (strstr (text, "En ny vision"));
  xmlFreeDoc (content);
  g_free (text);

  /* the draft, said so in its properties */
  g_assert_true (kurs_document_export_strategy (f->store, f->strategy, KURS_DOCUMENT_DRAFT, odt, &error));
  g_assert_no_error (error);
  content = xml_entry (odt, "content.xml");
  meta = xml_entry (odt, "meta.xml");
  text = paragraphs_of_style (content, "Text_20_body");
  g_assert_nonnull (strstr (text, "En ny vision efter revisionen.\n"));
  g_assert_cmpint (count (meta, "//meta:user-defined[@meta:name='Version'][.='Draft']"), ==, 1);
  xmlFreeDoc (content);
  xmlFreeDoc (meta);
  g_unlink (odt);

  /* no version 2 */
  g_assert_false (kurs_document_export_strategy (f->store, f->strategy, 2, odt, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no version 2"));
  g_clear_error (&error);
  g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));

  /* a strategy never approved has no version to write */
  other = kurs_store_create_strategy (f->store, "Klimastrategi", 2027, 2030, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kurs_document_export_strategy (f->store, other, KURS_DOCUMENT_LATEST_VERSION, odt, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "has no approved version"));
  g_clear_error (&error);
  g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));
  g_assert_true (kurs_document_export_strategy (f->store, other, KURS_DOCUMENT_DRAFT, odt, &error));
  g_assert_no_error (error);

  /* and no version's library is left in the temporary folder (this
   * test's own: main() gives it one) */
  {
    g_autoptr(GDir) tmp = g_dir_open (g_get_tmp_dir (), 0, NULL);
    const char *name;

    while (tmp && (name = g_dir_read_name (tmp)) != NULL)
      g_assert_false (g_str_has_prefix (name, "kurs-version-"));
  }
}

typedef struct {
  GArray       *fractions;
  gboolean      freed;
  GAsyncResult *result;
  GThread      *thread;
  gboolean      in_caller_thread;
} Background;

static void
progress_cb (double   fraction,
             gpointer data)
{
  Background *background = data;

  g_array_append_val (background->fractions, fraction);
  background->in_caller_thread &= g_thread_self () == background->thread;
}

static void
progress_freed (gpointer data)
{
  Background *background = data;

  background->freed = TRUE;
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Background *background = data;

  background->result = g_object_ref (result);
}

/* Made in a thread with a library of its own, as the window makes it: how
 * far it is told in the caller's thread, rising to the whole */
static void
test_odt_in_background (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (f->dir, "baggrund.odt", NULL);
  g_autoptr(GError) error = NULL;
  Background background = { g_array_new (FALSE, FALSE, sizeof (double)), FALSE, NULL, g_thread_self (), TRUE };
  xmlDocPtr content;

  kurs_document_export_strategy_async (f->path, f->strategy, KURS_DOCUMENT_DRAFT, KURS_CALENDAR_ALL, odt,
                                       progress_cb, &background, progress_freed, NULL, exported_cb, &background);
  while (background.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (kurs_document_export_strategy_finish (background.result, &error));
  g_assert_no_error (error);
  /* what the progress was told to goes with the work */
  g_clear_object (&background.result);
  while (!background.freed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (background.fractions->len, >=, 2);
  g_assert_true (background.in_caller_thread);
  for (guint i = 1; i < background.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (background.fractions, double, i), >,
                       g_array_index (background.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (background.fractions, double, background.fractions->len - 1), ==, 1.0);

  content = xml_entry (odt, "content.xml");
  g_assert_cmpint (count (content, "//text:p[@text:style-name='Title']"), ==, 1);
  xmlFreeDoc (content);
  g_array_unref (background.fractions);
}

/* The hearing summary as a document: each answering party a heading, its
 * response and handling as fields */
static void
test_odt_hearing_summary (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (f->dir, "høringsnotat.odt", NULL);
  g_autoptr(GPtrArray) rounds = kurs_store_list (f->store, KURS_ENTITY_HEARING_ROUND, kurs_record_get_id (f->strategy), NULL);
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  xmlDocPtr content;
  guint answered = 0;

  g_assert_cmpuint (rounds->len, >, 0);
  parties = kurs_store_list (f->store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (rounds->pdata[0]), NULL);
  g_assert_true (kurs_document_export_hearing_summary (f->store, rounds->pdata[0], odt, &error));
  g_assert_no_error (error);

  content = xml_entry (odt, "content.xml");
  fields = paragraphs_of_style (content, "Kurs_20_Field");
  for (guint i = 0; i < parties->len; i++)
    if (kurs_record_has_value (parties->pdata[i], "response_text"))
      {
        answered++;
        g_assert_nonnull (strstr (fields, kurs_record_get_text (parties->pdata[i], "response_text")));
      }
  g_assert_cmpuint (answered, >, 0);
  g_assert_cmpint (count (content, "//text:p[@text:style-name='Title'][.='Hearing Summary']"), ==, 1);
  g_assert_cmpint (count (content, "//text:h[@text:outline-level='2']"), >=, answered);
  xmlFreeDoc (content);
}

/* Nothing is left of a document that could not be written, and a file
 * already there stays as it was */
/* In a process of its own: the library opened, then as nobody where the
 * test runs as root */
static void
test_locked_folder (void)
{
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  g_auto(GStrv) paths = NULL;
  const char *locked;
  g_autofree char *odt = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(KursStore) store = NULL;
  g_autoptr(GPtrArray) strategies = NULL;
  g_autoptr(GError) error = NULL;
  KursRecord *strategy;

  if (!g_test_subprocess ())
    return;

  where = g_build_filename (g_getenv ("KURS_TEST_EXPORT_FIRST_TMP"), "locked-folder", NULL);
  what = kurs_test_read_file (where, NULL);
  paths = g_strsplit (what, "\n", 2);
  locked = paths[0];
  odt = g_build_filename (locked, "strategi.odt", NULL);
  xlsx = g_build_filename (locked, "handleplaner.xlsx", NULL);
  store = kurs_store_open (paths[1], KURS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  strategies = kurs_store_list_strategies (store, NULL);
  g_assert_cmpuint (strategies->len, >, 0);
  strategy = strategies->pdata[0];
  if (geteuid () == 0)
    g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);

  g_assert_false (kurs_document_export_strategy (store, strategy, KURS_DOCUMENT_DRAFT, odt, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES));
  g_clear_error (&error);
  g_assert_false (kurs_spreadsheet_write (store, strategy, xlsx, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "could not be written"));
  g_assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES));
}

static void
test_bad_places (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "ingen-mappe", "strategi.odt", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "låst", NULL);
  g_autofree char *old = g_build_filename (locked, "strategi.odt", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  g_assert_false (kurs_document_export_strategy (f->store, f->strategy, KURS_DOCUMENT_DRAFT, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (kurs_spreadsheet_write (f->store, f->strategy, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "could not be written"));
  g_clear_error (&error);

  /* A folder that may not be written, with an older document in it; as
   * root every folder is writable, so the check runs as nobody there (in
   * a new process: the export draws in threads, which a fork does not
   * take along) */
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  kurs_test_write_file (old, "et gammelt dokument", -1);
  g_assert_cmpint (chmod (locked, 0555), ==, 0);
  g_assert_cmpint (chmod (f->dir, 0755), ==, 0);
  {
    /* what the new process is to use, where it finds it (an environment
     * variable set now would be set with threads running) */
    g_autofree char *where = g_build_filename (g_getenv ("KURS_TEST_EXPORT_FIRST_TMP"), "locked-folder", NULL);
    g_autofree char *what = g_strdup_printf ("%s\n%s", locked, f->path);

    kurs_test_write_file (where, what, -1);
  }
  g_test_trap_subprocess ("/export/bad-places/locked-folder", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_cmpint (chmod (locked, 0755), ==, 0);

  kept = kurs_test_read_file (old, NULL);
  g_assert_cmpstr (kept, ==, "et gammelt dokument");
  dir = g_dir_open (locked, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

/* A full disk: a clear error, and no half-written file left (a small
 * tmpfs, in a subprocess of the test's own) */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *disk = g_build_filename (f->dir, "disk", NULL);
  g_autofree char *odt = g_build_filename (disk, "strategi.odt", NULL);
  g_autofree char *xlsx = g_build_filename (disk, "handleplaner.xlsx", NULL);
  g_autofree char *filler = g_build_filename (disk, "fyld", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
  kurs_test_mount_small_disk (disk, "256k");
  kurs_test_fill_disk (filler);

  g_assert_false (kurs_document_export_strategy (f->store, f->strategy, KURS_DOCUMENT_DRAFT, odt, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC));
  g_clear_error (&error);

  g_assert_false (kurs_spreadsheet_write (f->store, f->strategy, xlsx, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  /* nothing beside the filler */
  {
    g_autoptr(GDir) dir = g_dir_open (disk, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_cmpstr (name, ==, "fyld");
  }
}

/* The spreadsheet: a sheet an action plan, then key figures and
 * milestones; dates, numbers and percentages as values; the header row
 * frozen, an autofilter on */
static void
test_sheet (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "handleplaner.xlsx", NULL);
  g_autoptr(GPtrArray) plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy), NULL);
  g_autoptr(GError) error = NULL;
  xmlDocPtr workbook, styles, first;
  g_autofree char *name = NULL;
  g_autofree char *date_style = NULL;
  g_autofree char *expression = NULL;
  g_autofree char *format_id = NULL;
  struct stat info;

  g_assert_true (kurs_spreadsheet_write (f->store, f->strategy, xlsx, &error));
  g_assert_no_error (error);
  /* a new file as any other: what the umask allows */
  g_assert_cmpint (g_stat (xlsx, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0044, ==, 0044);

  workbook = xml_entry (xlsx, "xl/workbook.xml");
  g_assert_cmpint (count (workbook, "//x:sheets/x:sheet"), ==, plans->len + 2);
  name = string (workbook, "//x:sheets/x:sheet[1]/@name");
  g_assert_cmpstr (name, ==, kurs_record_get_title (plans->pdata[0]));
  g_free (name);
  name = string (workbook, "//x:sheets/x:sheet[last()-1]/@name");
  g_assert_cmpstr (name, ==, "Key Figures");
  g_free (name);
  name = string (workbook, "//x:sheets/x:sheet[last()]/@name");
  g_assert_cmpstr (name, ==, "Milestones");

  first = xml_entry (xlsx, "xl/worksheets/sheet1.xml");
  /* frozen below the header, filtered */
  g_assert_cmpint (count (first, "//x:pane[@ySplit='1' and @state='frozen']"), ==, 1);
  g_assert_cmpint (count (first, "//x:autoFilter[starts-with(@ref, 'A1:I')]"), ==, 1);
  /* the start date (C2) and progress (G2) are numbers, with a date's and a
   * percentage's formats; the title (A2) is text */
  g_assert_cmpint (count (first, "//x:c[@r='A2'][@t='s']"), ==, 1);
  g_assert_cmpint (count (first, "//x:c[@r='C2'][not(@t)]/x:v"), ==, 1);
  g_assert_cmpint (count (first, "//x:c[@r='G2'][not(@t)]/x:v"), ==, 1);
  date_style = string (first, "//x:c[@r='C2']/@s");
  styles = xml_entry (xlsx, "xl/styles.xml");
  expression = g_strdup_printf ("//x:cellXfs/x:xf[%d]/@numFmtId", atoi (date_style) + 1);
  format_id = string (styles, expression);
  g_free (expression);
  expression = g_strdup_printf ("//x:numFmt[@numFmtId='%s']/@formatCode", format_id);
  {
    g_autofree char *code = string (styles, expression);

    g_assert_cmpstr (code, ==, "yyyy-mm-dd");
  }
  {
    /* 1 January 2023 is day 44927 since 1900 */
    g_autofree char *start = string (first, "//x:c[@r='C2']/x:v");
    g_autofree char *progress = string (first, "//x:c[@r='G2']/x:v");
    g_autoptr(GPtrArray) initiatives = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE,
                                                        kurs_record_get_id (plans->pdata[0]), NULL);
    KursDate date = kurs_record_get_date (initiatives->pdata[0], "start_date");
    int year, month, day;

    kurs_date_to_ymd (date, &year, &month, &day);
    g_assert_cmpint (year, ==, 2023);
    g_assert_cmpint (month, ==, 1);
    g_assert_cmpint (day, ==, 1);
    g_assert_cmpstr (start, ==, "44927");
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (progress, NULL),
                                    kurs_record_get_int (initiatives->pdata[0], "progress") / 100.0, 1e-9);
  }

  xmlFreeDoc (workbook);
  xmlFreeDoc (styles);
  xmlFreeDoc (first);
}

/* Sheets' names from any plan's title: no []:*?/\, at most 31
 * characters, never twice (whatever the case) */
static void
test_sheet_names (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "navne.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = kurs_store_create_strategy (f->store, "Navne", 2027, 2030, NULL, &error);
  const char *titles[] = {
    "Plan: 2027/28 [udkast]?", "Handleplan for klimatilpasning og grøn omstilling 2027–2030",
    "handleplan for klimatilpasning og grøn omstilling 2027–2031", "Milestones", "'citeret'",
  };
  xmlDocPtr workbook;
  xmlXPathObjectPtr names;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(KursRecord) plan = kurs_store_create (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (strategy),
                                                      &error, "title", g_variant_new_string (titles[i]),
                                                      "start_date", g_variant_new_string ("2027-01-01"),
                                                      "end_date", g_variant_new_string ("2028-12-31"), NULL);

      g_assert_no_error (error);
    }
  g_assert_true (kurs_spreadsheet_write (f->store, strategy, xlsx, &error));
  g_assert_no_error (error);

  workbook = xml_entry (xlsx, "xl/workbook.xml");
  names = xpath (workbook, "//x:sheets/x:sheet/@name");
  g_assert_cmpint (names->nodesetval->nodeNr, ==, G_N_ELEMENTS (titles) + 2);
  for (int i = 0; i < names->nodesetval->nodeNr; i++)
    {
      g_autofree char *name = (char *) xmlNodeGetContent (names->nodesetval->nodeTab[i]);

      g_test_message ("sheet: %s", name);
      g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_null (strpbrk (name, "[]:*?/\\"));
      g_assert_false (name[0] == '\'');
      g_assert_true (g_hash_table_add (seen, g_utf8_casefold (name, -1)));
    }
  xmlXPathFreeObject (names);
  xmlFreeDoc (workbook);
}

int
main (int   argc,
      char *argv[])
{
  /* A temporary folder of this test's own, for what the export leaves
   * there to be seen (other tests and programs use the system's); its
   * subprocesses use it too, and the first process takes it away */
  char made[] = "/tmp/kurs-test-export-XXXXXX";
  const char *tmp = g_getenv ("KURS_TEST_EXPORT_FIRST_TMP");
  gboolean first = tmp == NULL;
  int status;

  if (first)
    {
      g_assert_nonnull (g_mkdtemp (made));
      tmp = made;
      g_setenv ("TMPDIR", tmp, TRUE);
      g_setenv ("KURS_TEST_EXPORT_FIRST_TMP", tmp, TRUE);
    }
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/odt/package", test_odt_package);
  ADD ("/export/odt/structure", test_odt_structure);
  ADD ("/export/odt/text-as-typed", test_odt_text_as_typed);
  ADD ("/export/odt/versions", test_odt_versions);
  ADD ("/export/odt/hearing-summary", test_odt_hearing_summary);
  ADD ("/export/odt/in-background", test_odt_in_background);
  ADD ("/export/bad-places", test_bad_places);
  g_test_add_func ("/export/bad-places/locked-folder", test_locked_folder);
  ADD ("/export/full-disk", test_full_disk);
  ADD ("/export/sheet/values", test_sheet);
  ADD ("/export/sheet/names", test_sheet_names);
#undef ADD

  status = g_test_run ();
  if (first)
    kurs_test_remove_dir (made);
  return status;
}
