using MedPlatform.Search;

namespace MedPlatform.Grains.Tests;

/// <summary>Word roots, little words and typo correction: the parts of search that forgive how people type.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("coughing", "cough")]
    [InlineData("coughs", "cough")]
    [InlineData("allergy", "allerg")]
    [InlineData("allergies", "allerg")]
    [InlineData("allergic", "allerg")]
    [InlineData("headaches", "headach")]
    [InlineData("headache", "headach")]
    [InlineData("running", "run")]
    [InlineData("itchy", "itch")]
    [InlineData("infections", "infect")]
    [InlineData("eyes", "eye")]
    [InlineData("fever", "fever")]
    [InlineData("pain", "pain")]
    [InlineData("nurofen", "nurofen")]
    [InlineData("b12", "b12")]
    public void A_word_is_cut_to_a_root_its_other_forms_begin_with(string word, string root) =>
        Assert.Equal(root, WordRoots.Root(word));

    [Fact]
    public void Little_words_are_left_out_unless_nothing_else_is_left()
    {
        Assert.Equal(["headach"], SearchText.Terms("Something for a headache?"));
        Assert.Equal(["for", "a"], SearchText.Terms("for a"));
    }

    [Theory]
    [InlineData("nurofn", "nurofen")]
    [InlineData("ibuprophen", "ibuprofen")]
    [InlineData("paracetmol", "paracetamol")]
    [InlineData("alergy", "allergy")]
    [InlineData("cetrizine", "cetirizine")]
    [InlineData("ibuprofen", "ibuprofen")] // a word that is there is left alone
    [InlineData("parac", "parac")]         // and so is the beginning of one
    [InlineData("zzzzzz", "zzzzzz")]       // nothing close: as typed
    [InlineData("flu", "flu")]             // too short to guess at
    public void A_small_typo_is_corrected_to_the_closest_catalog_word(string typed, string corrected)
    {
        var vocabulary = new SpellingCorrection(new Dictionary<string, int>
        {
            ["nurofen"] = 1, ["ibuprofen"] = 3, ["paracetamol"] = 2, ["allergy"] = 5, ["allergic"] = 1, ["cetirizine"] = 1, ["fluid"] = 1,
        });

        Assert.Equal(corrected, vocabulary.Correct(typed, WordRoots.Root(typed)));
    }
}

/// <summary>A doctor's patients are matched by name with case and accents aside.</summary>
public sealed class PatientNameFoldingTests
{
    [Theory]
    [InlineData("Émile Zola", "emile zola")]
    [InlineData("Müller", "muller")]
    [InlineData("JOSÉ", "jose")]
    [InlineData("Łukasz Wałęsa", "lukasz walesa")]
    [InlineData("Strauß", "strauss")]
    public void Names_fold_to_lower_case_without_accents(string name, string folded) =>
        Assert.Equal(folded, MedPlatform.Identity.DoctorsPatients.Folded(name));
}
