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
        """.Replace("DIMENSIONS", dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static readonly byte[] UpdateCompleted = """{"result":{"operation_id":1,"status":"completed"},"status":"ok","time":0.0001}"""u8.ToArray();

    /// <summary>A query answer with <paramref name="count"/> hits carrying the payload a passage needs.</summary>
    public static byte[] QueryAnswer(int count)
    {
        var text = string.Join(' ', Enumerable.Repeat("Niger has asked the United States to start using armed drones against jihadist groups.", 6));
        var points = Enumerable.Range(0, count).Select(i => $$$"""
            {"id":"00000000-0000-5000-8000-{{{i:D12}}}","version":3,"score":{{{(1 - i * 0.01).ToString(System.Globalization.CultureInfo.InvariantCulture)}}},
             "payload":{"article_id":"a{{{i % 20:D4}}}","title":"Niger asks U.S. to arm drones {{{i}}}","published":"2017-11-01T00:00:00+00:00",
               "source":"Reuters","url":"https://example.com/{{{i}}}","tags":["worldnews"],"chunk_count":12,"chunk_id":"a{{{i % 20:D4}}}-{{{i:D3}}}",
               "ordinal":{{{i}}},"start":{{{i * 500}}},"end":{{{i * 500 + text.Length}}},"text":"{{{text}}}","context":"Niger asks U.S. to arm drones\n1 November 2017"}}
            """);
        return Encoding.UTF8.GetBytes($$$"""{"result":{"points":[{{{string.Join(",", points)}}}]},"status":"ok","time":0.002}""");
    }
}
