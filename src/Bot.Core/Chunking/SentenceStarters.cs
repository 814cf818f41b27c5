namespace Bot.Core.Chunking;

/// <summary>
/// Capitalised words that open sentences but rarely continue a proper noun. After an ambiguous
/// abbreviation ("in the U.S. He said") one of these means a new sentence; any other capitalised word
/// ("the U.S. Army", "Apple Inc. Chief Executive") means the name goes on. A closed class of function
/// words is a safer test than a list of proper-noun continuations, which is open-ended.
/// </summary>
internal static class SentenceStarters
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // pronouns and determiners
        "I", "He", "She", "It", "We", "They", "You", "His", "Her", "Its", "Our", "Their", "My", "Your",
        "This", "That", "These", "Those", "There", "Here", "The", "A", "An", "Some", "Many", "Most",
        "Several", "Such", "Both", "Each", "Every", "All", "Any", "Another", "Other", "One", "Two", "Three",
        // connectives and sentence adverbs
        "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "Still", "Also", "Instead", "Moreover",
        "Nevertheless", "Thus", "Then", "Now", "Earlier", "Later", "Last", "Asked", "According", "Not",
        "Only", "Even", "Just", "Separately", "Overall",
        // subordinators and prepositions that open sentences
        "After", "Before", "When", "While", "If", "As", "Although", "Though", "Since", "Because",
        "Despite", "In", "On", "At", "For", "From", "With", "Without", "Among", "By", "To", "During", "Until",
        "Unlike", "What", "Who", "Why", "How", "Where", "Which",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
