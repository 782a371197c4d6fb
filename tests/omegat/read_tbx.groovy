// Reads a TBX file with OmegaT's own glossary reader, as OmegaT does when a translator drops the
// file into a project's glossary folder, and prints one "source<TAB>target" line per entry.
// Usage: groovy -cp <OmegaT.jar and its libraries> read_tbx.groovy FILE SOURCE_LANG TARGET_LANG
import org.omegat.core.Core
import org.omegat.core.data.IProject
import org.omegat.core.data.ProjectProperties
import org.omegat.gui.glossary.GlossaryReaderTBX

def (path, sourceLang, targetLang) = args
// The reader asks the open project for its languages; a stand-in project gives them.
def props = new ProjectProperties(new File(System.getProperty("java.io.tmpdir")))
props.setSourceLanguage(sourceLang)
props.setTargetLanguage(targetLang)
Core.setProject([getProjectProperties: { props }, isProjectLoaded: { true }] as IProject)
def out = new PrintStream(System.out, true, "UTF-8")
for (entry in GlossaryReaderTBX.read(new File(path), false)) {
    out.println(entry.getSrcText() + "\t" + entry.getLocText())
}
