using System.Globalization;
using System.Text;

namespace Bot.Benchmarks.Qdrant;

/// <summary>Qdrant answers (shaped like its 1.19 REST contract) for benchmarks that need no server.</summary>
internal static class QdrantCanned
{
    public static byte[] CollectionInfo(int dimensions) => Encoding.UTF8.GetBytes("""
        {"result":{"status":"green","optimizer_status":"ok","points_count":0,"segments_count":1,
          "config":{"params":{"vectors":{"dense":{"size":DIMENSIONS,"distance":"Cosine","multivector_config":{"comparator":"max_sim"}}},"sparse_vectors":{"bm25":{"modifier":"idf"}}},
            "hnsw_config":{"m":16,"ef_construct":100,"full_scan_threshold":10000},"optimizer_config":{"default_segment_number":0,"flush_interval_sec":5}},
          "payload_schema":{}},"status":"ok","time":0.0001}
        """.Replace("DIMENSIONS", dimensions.ToString(CultureInfo.InvariantCulture)));

    public static readonly byte[] UpdateCompleted = """{"result":{"operation_id":1,"status":"completed"},"status":"ok","time":0.0001}"""u8.ToArray();

    /// <summary>A query answer with <paramref name="count"/> hits.</summary>
    public static byte[] QueryAnswer(int count) => Envelope($$"""{"points":[{{Points(0, count)}}]}""");

    /// <summary>
    /// A batch answer with two lists of <paramref name="count"/> candidates (article id only), half of them in
    /// both (as a lexical and a dense list overlap).
    /// </summary>
    public static byte[] BatchAnswer(int count) =>
        Envelope($$"""[{"points":[{{Candidates(0, count)}}]},{"points":[{{Candidates(count / 2, count)}}]}]""");

    /// <summary>A retrieve answer: the passage payloads of the points <paramref name="ids"/> names (as <see cref="PointId"/> makes them).</summary>
    public static byte[] RetrieveAnswer(IEnumerable<string> ids) =>
        Envelope($"[{string.Join(",", ids.Select(id => int.Parse(id[^12..], CultureInfo.InvariantCulture)).Select(i => Point(i, i % 40, scored: false)))}]");

    /// <summary>A groups answer: <paramref name="groups"/> articles with <paramref name="perGroup"/> hits each.</summary>
    public static byte[] GroupsAnswer(int groups, int perGroup) => Envelope($$"""{"groups":[{{string.Join(",", Enumerable.Range(0, groups)
        .Select(g => $$"""{"id":"a{{g:D4}}","hits":[{{string.Join(",", Enumerable.Range(0, perGroup).Select(h => Point(g * perGroup + h, g)))}}]}"""))}}]}""");

    private static byte[] Envelope(string result) => Encoding.UTF8.GetBytes($$"""{"result":{{result}},"status":"ok","time":0.002}""");

    private static string Points(int first, int count) => string.Join(",", Enumerable.Range(first, count).Select(i => Point(i, i % 40)));

    private static string Candidates(int first, int count) => string.Join(",", Enumerable.Range(first, count)
        .Select(i => $$"""{"id":"{{PointId(i)}}","version":3,"score":{{Score(i)}},"payload":{"article_id":"a{{i % 40:D4}}"} }"""));

    private static string PointId(int i) => $"00000000-0000-5000-8000-{i:D12}";

    private static string Score(int i) => (1 - i * 0.001).ToString(CultureInfo.InvariantCulture);

    /// <summary>A chunk hit with the payload a passage needs and ~1,000 characters of text (a 200-token chunk).</summary>
    private static string Point(int i, int article, bool scored = true)
    {
        var text = string.Join(' ', Enumerable.Repeat("Niger has asked the United States to start using armed drones against jihadist groups.", 12));
        return $$"""
            {"id":"{{PointId(i)}}",{{(scored ? $"\"version\":3,\"score\":{Score(i)}," : "")}}
             "payload":{"article_id":"a{{article:D4}}","title":"Niger asks U.S. to arm drones {{article}}","published":"2017-11-01T00:00:00+00:00",
               "source":"Reuters","url":"https://example.com/{{article}}","tags":["worldnews"],"chunk_count":12,"chunk_id":"a{{article:D4}}-{{i:D3}}",
               "ordinal":{{i}},"start":{{i * 1100}},"end":{{i * 1100 + text.Length}},"text":"{{text}}","context":"Niger asks U.S. to arm drones\n1 November 2017"}
            }
            """;
    }
}
