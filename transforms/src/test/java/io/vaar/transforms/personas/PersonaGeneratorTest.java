package io.vaar.transforms.personas;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonaGeneratorTest {

  @Test
  void personaIDependsOnlyOnSeedAndIndex() {
    PersonaGenerator first = new PersonaGenerator(42);
    Persona late = first.persona(1734);
    for (int i = 0; i < 100; i++) {
      first.persona(i);
    }
    assertThat(new PersonaGenerator(42).persona(1734), equalTo(late));
    assertThat(first.persona(1734), equalTo(late));
    assertThat(late.id(), equalTo("p01734"));
  }

  @Test
  void anotherSeedIsAnotherPanel() {
    int differ = 0;
    for (int i = 0; i < 50; i++) {
      if (!new PersonaGenerator(1).persona(i).attributes()
          .equals(new PersonaGenerator(2).persona(i).attributes())) {
        differ++;
      }
    }
    assertThat(differ, equalTo(50));
  }

  @Test
  void aPanelIsVariedAndDescribesEveryone() {
    PersonaGenerator generator = new PersonaGenerator(7);
    Set<String> countries = new HashSet<>();
    Set<String> profiles = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Persona persona = generator.persona(i);
      countries.add(persona.attributes().get("country"));
      profiles.add(persona.profileLines());
      assertThat(persona.attributes(), hasKey("occupation"));
      assertThat(persona.attributes(), hasKey("household_income"));
    }
    assertThat(countries.size(), greaterThan(15));
    assertThat(profiles.size(), equalTo(200));
  }

  @Test
  void profileLinesNameEachAttributeReadably() {
    String lines = new PersonaGenerator(3).persona(0).profileLines();
    assertThat(lines, containsString("- age: "));
    assertThat(lines, containsString("- household income: "));
    assertThat(lines, not(containsString("_")));
  }
}
