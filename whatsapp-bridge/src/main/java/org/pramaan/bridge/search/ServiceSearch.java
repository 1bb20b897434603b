package org.pramaan.bridge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.pramaan.bridge.catalog.Catalog;
import org.pramaan.bridge.catalog.Catalog.Service;

/**
 * Free-text search over the catalog's services, however a citizen writes: Telugu, Hindi and English (each with its
 * Lucene analyzer, which normalises and stems the script), romanised Telugu and Hindi, English written in Telugu or
 * Devanagari letters, mixtures and misspellings. Besides the three languages' fields every name and keyword is also
 * indexed in one Latin form (ICU transliteration, {@link SearchText#latin}) matched with a letter or two of leeway,
 * and as sound codes (Double Metaphone, {@link SearchText#soundCodes}), so "ఇన్‌కమ్ సర్టిఫికెట్", "इनकम सर्टिफिकेट"
 * and "incme certificate" all reach the income certificate.
 */
public final class ServiceSearch {

    /** A hit, with whether it stands clearly ahead of the next one. */
    public record Result(List<Service> services, boolean confident) {
        public boolean empty() {
            return services.isEmpty();
        }
    }

    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            "te", 3f, "hi", 3f, "en", 3f, "tr", 2.5f, "desc", 0.5f);
    private static final float LATIN_BOOST = 2f;
    private static final float SOUND_BOOST = 1.5f;
    private static final float CONFIDENCE_RATIO = 1.6f;
    private static final int TERMS_MAX = 32;
    /** A word whose sound a tenth or more of the services share names none of them. */
    private static final double SHARED_FRACTION = 0.1;

    private final Catalog catalog;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    /** Whole names and keywords, cleaned: typing one exactly is as clear as tapping the service. */
    private final Map<String, String> exactPhrases = new HashMap<>();
    private final Map<String, Boolean> sharedByMany = new java.util.concurrent.ConcurrentHashMap<>();

    public ServiceSearch(Catalog catalog) {
        this.catalog = catalog;
        this.analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                "te", new TeluguAnalyzer(), "hi", new HindiAnalyzer(), "en", new EnglishAnalyzer(),
                "desc", new EnglishAnalyzer(), "lat", new WhitespaceAnalyzer(), "snd", new WhitespaceAnalyzer()));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Service s : catalog.services()) {
                writer.addDocument(document(s));
                phrases(s).forEach(p -> exactPhrases.merge(SearchText.clean(p), s.code(),
                        (a, b) -> a.equals(b) ? a : ""));
            }
            writer.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("could not index the catalog", e);
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public Result search(String text, int limit) {
        String exact = exactPhrases.get(SearchText.clean(text));
        if (exact != null && !exact.isEmpty()) {
            return new Result(List.of(catalog.service(exact).orElseThrow()), true);
        }
        Query query = query(text);
        if (query == null) {
            return new Result(List.of(), false);
        }
        try {
            ScoreDoc[] hits = searcher.search(query, limit).scoreDocs;
            List<Service> found = new ArrayList<>();
            for (ScoreDoc hit : hits) {
                String code = searcher.storedFields().document(hit.doc).get("code");
                catalog.service(code).ifPresent(found::add);
            }
            boolean confident = hits.length == 1
                    || (hits.length > 1 && hits[0].score >= CONFIDENCE_RATIO * hits[1].score);
            return new Result(found, confident && !found.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(String text) {
        String cleaned = SearchText.clean(text);
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : FIELD_BOOSTS.entrySet()) {
            for (String term : terms(field.getKey(), cleaned)) {
                if (sharedByMany(term)) {
                    continue;
                }
                Query q = new TermQuery(new Term(field.getKey(), term));
                if (field.getKey().equals("tr") && term.length() >= 4) {
                    // Transliterations vary by a letter or two: "aadaya", "adaya", "aadaaya".
                    q = new FuzzyQuery(new Term("tr", term), term.length() >= 7 ? 2 : 1);
                }
                builder.add(new BoostQuery(q, field.getValue()), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        for (String word : new LinkedHashSet<>(SearchText.latinWords(cleaned))) {
            if (word.length() < 2 || clauses >= 3 * TERMS_MAX) {
                continue;
            }
            Query q = word.length() >= 5 ? new FuzzyQuery(new Term("lat", word), word.length() >= 8 ? 2 : 1)
                    : new TermQuery(new Term("lat", word));
            builder.add(new BoostQuery(q, LATIN_BOOST), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (String code : new LinkedHashSet<>(SearchText.soundCodes(cleaned))) {
            builder.add(new BoostQuery(new TermQuery(new Term("snd", code)), SOUND_BOOST), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : builder.build();
    }

    /**
     * Whether a word sounds like one a good part of the catalog shares ("certificate", "status"), whatever script it
     * is written in: "సర్టిఫికెట్" is rare in the Telugu field, so it would single out the few services that list it
     * among their keywords; its sound code, common to every certificate, says it identifies none. Such a word still
     * counts through its sound code, weighted as the common word it is.
     */
    private boolean sharedByMany(String term) {
        return sharedByMany.computeIfAbsent(term, t -> {
            int many = Math.max(2, (int) (searcher.getIndexReader().numDocs() * SHARED_FRACTION));
            for (String code : SearchText.soundCodes(t)) {
                try {
                    if (searcher.getIndexReader().docFreq(new Term("snd", code)) >= many) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        });
    }

    private Set<String> terms(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < TERMS_MAX) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static Document document(Service s) {
        Document doc = new Document();
        doc.add(new StringField("code", s.code(), Field.Store.YES));
        Catalog.Keywords k = s.keywords();
        doc.add(new TextField("en", join(s.names() == null ? null : s.names().en(), k == null ? null : k.en()),
                Field.Store.NO));
        doc.add(new TextField("te", join(s.names() == null ? null : s.names().te(), k == null ? null : k.te()),
                Field.Store.NO));
        doc.add(new TextField("hi", join(s.names() == null ? null : s.names().hi(), k == null ? null : k.hi()),
                Field.Store.NO));
        doc.add(new TextField("tr", join(s.code().replace('-', ' '), k == null ? null : k.translit()),
                Field.Store.NO));
        if (s.descriptions() != null && s.descriptions().en() != null) {
            doc.add(new TextField("desc", s.descriptions().en(), Field.Store.NO));
        }
        StringBuilder latin = new StringBuilder();
        StringBuilder sounds = new StringBuilder();
        for (String phrase : phrases(s)) {
            latin.append(SearchText.latin(phrase)).append(' ');
            SearchText.soundCodes(phrase).forEach(c -> sounds.append(c).append(' '));
        }
        doc.add(new TextField("lat", latin.toString(), Field.Store.NO));
        doc.add(new TextField("snd", sounds.toString(), Field.Store.NO));
        return doc;
    }

    private static List<String> phrases(Service s) {
        List<String> phrases = new ArrayList<>();
        if (s.names() != null) {
            Stream.of(s.names().en(), s.names().te(), s.names().hi()).filter(Objects::nonNull).forEach(phrases::add);
        }
        if (s.keywords() != null) {
            phrases.addAll(s.keywords().all());
        }
        return phrases;
    }

    private static String join(String name, List<String> keywords) {
        StringBuilder b = new StringBuilder(name == null ? "" : name);
        if (keywords != null) {
            keywords.forEach(k -> b.append(" \n ").append(k));
        }
        return b.toString();
    }
}
