package org.sessionreview.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering STYLE.md asks for, checked by ArchUnit on the compiled classes (so a fully
 * qualified reference counts as much as an import): signal processing, features, scoring, the
 * taxonomy, the model, the plain parsers, the report rows, the research export rules and the file
 * entries are plain Java with no Flink; only the thin operators, the topology, the Flink ingest
 * adapter and the Parquet writers touch Flink. Signal steps are the bottom layer, features sit on
 * them, scoring reads features' rows but not their code, and only the topology and the Flink
 * ingest adapter wire operators.
 */
class LayeringTest {
    private static final String ROOT = "org.sessionreview";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    @Test
    void shouldConfineFlinkToOperatorsTopologyFlinkIngestAndParquetWhenCompiled() {
        noClasses()
                .that()
                .resideOutsideOfPackages(pkg("operators"), pkg("topology"), pkg("ingest.flink"), pkg("parquet"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.flink..")
                .because("signal processing and scoring are small plain-Java steps; operators stay thin (STYLE.md)")
                .check(classes);
    }

    @Test
    void shouldKeepSignalStepsBelowFeaturesScoringAndFlinkWhenCompiled() {
        noClasses()
                .that()
                .resideInAPackage(pkg("signal"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        pkg("features"),
                        pkg("scoring"),
                        pkg("operators"),
                        pkg("topology"),
                        pkg("ingest"),
                        pkg("parquet"),
                        pkg("live"),
                        pkg("export"),
                        pkg("storage"))
                .check(classes);
    }

    @Test
    void shouldKeepFeaturesIndependentOfScoringIngestAndOperatorsWhenCompiled() {
        noClasses()
                .that()
                .resideInAPackage(pkg("features"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        pkg("scoring"),
                        pkg("operators"),
                        pkg("topology"),
                        pkg("ingest"),
                        pkg("parquet"),
                        pkg("live"),
                        pkg("export"))
                .check(classes);
    }

    @Test
    void shouldKeepScoringIndependentOfFeatureCodeIngestAndOperatorsWhenCompiled() {
        noClasses()
                .that()
                .resideInAPackage(pkg("scoring"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        pkg("features"),
                        pkg("operators"),
                        pkg("topology"),
                        pkg("ingest"),
                        pkg("parquet"),
                        pkg("live"),
                        pkg("export"))
                .check(classes);
    }

    @Test
    void shouldWireOperatorsOnlyInTheTopologyAndTheFlinkIngestWhenCompiled() {
        noClasses()
                .that()
                .resideOutsideOfPackages(pkg("operators"), pkg("topology"), pkg("ingest.flink"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("operators"))
                .check(classes);
    }

    @Test
    void shouldKeepTheModelAndTheTaxonomyFreeOfProcessingWhenCompiled() {
        noClasses()
                .that()
                .resideInAnyPackage(pkg("model"), pkg("taxonomy"), pkg("report"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        pkg("signal"),
                        pkg("features"),
                        pkg("scoring"),
                        pkg("operators"),
                        pkg("topology"),
                        pkg("ingest"),
                        pkg("parquet"),
                        pkg("live"),
                        pkg("export"))
                .check(classes);
    }
}
