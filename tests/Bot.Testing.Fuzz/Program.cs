using Bot.Testing.Hostile;
using SharpFuzz;

// One reader under AFL++: each input is written to a file of the reader's extension and read with every
// invariant checked (ReaderInvariants); an exception is a crash AFL keeps. Usage: Bot.Testing.Fuzz .csv
if (args is not [{ } extension] || !extension.StartsWith('.'))
{
    Console.Error.WriteLine("usage: Bot.Testing.Fuzz .EXTENSION  (run by fuzz.sh under afl-fuzz)");
    return 2;
}
var folder = Directory.CreateTempSubdirectory("bot-fuzz-").FullName;
var path = Path.Combine(folder, "input" + extension);
Fuzzer.OutOfProcess.Run(input =>
{
    using (var file = File.Create(path)) input.CopyTo(file);
    ReaderInvariants.ReadAndCheckAsync(path).GetAwaiter().GetResult();
});
return 0;
