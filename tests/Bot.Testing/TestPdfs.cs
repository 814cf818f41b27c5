using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Bot.Testing;

/// <summary>PDFs the tests make themselves: known text on known pages, and the kinds ingest must refuse.</summary>
public static class TestPdfs
{
    /// <summary>A line of text on a page: its words and font size; lines are laid out top-down.</summary>
    public sealed record Line(string Text, double Size = 11);

    /// <summary>One A4 page per entry, each line drawn below the one before it.</summary>
    public static byte[] Document(IReadOnlyList<IReadOnlyList<Line>> pages, string? title = null, string? author = null, string? created = null)
    {
        using var builder = new PdfDocumentBuilder();
        if (title is not null) builder.DocumentInformation.Title = title;
        if (author is not null) builder.DocumentInformation.Author = author;
        if (created is not null) builder.DocumentInformation.CreationDate = created;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(595, 842);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line.Text, line.Size, new PdfPoint(60, y), font);
                y -= line.Size * 1.5;
            }
        }
        return builder.Build();
    }

    /// <summary>
    /// A three-page wire story: the headline in a large font on page 1, the hyphenated "inter-" / "national" on
    /// page 2, and the drone sentence the tests ask about on page 3.
    /// </summary>
    public static byte[] ThreePageStory(string? title = "Niger drone talks, in three pages") => Document(
        [
            [new("Niger drone talks", 22), new("November 1, 2017"), new(""),
             new("NIAMEY (Reuters) - Niger has opened talks with its partners about the drone base near Agadez."),
             new("Officials met in the capital on Wednesday to discuss the plans.")],
            [new("The inter-"), new("national partners asked for a timetable before the rainy season."),
             new("A second meeting was set for the following month.")],
            [new("Niger asked the United States to arm its surveillance drones over the Sahel."),
             new("The request was confirmed by the defence ministry.")],
        ],
        title, created: "D:20171101100000Z");

    /// <summary>A page with a picture and no text layer, as a scanner makes it.</summary>
    public static byte[] Scanned()
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.AddPng(Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAD0lEQVR4nGNowAEYhpYEAILzYAGc7g8kAAAAAElFTkSuQmCC"),
            new PdfRectangle(50, 50, 545, 792));
        return builder.Build();
    }

    /// <summary>Not a PDF past its header: what a truncated download leaves.</summary>
    public static byte[] Broken() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthe rest is missing");

    /// <summary>
    /// A PDF locked with a user password (standard security handler, RC4): its /U entry matches no empty password,
    /// so it cannot be opened without the password.
    /// </summary>
    public static byte[] Encrypted()
    {
        var filler = new string('7', 64);
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 8 >>\nstream\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\nendstream",
            $"<< /Filter /Standard /V 1 /R 2 /O <{filler}> /U <{filler}> /P -44 >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<{filler[..32]}> <{filler[..32]}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
