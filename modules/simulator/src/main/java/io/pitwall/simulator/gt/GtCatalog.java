package io.pitwall.simulator.gt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The gtgridstats catalog: manufacturers, cars (names by locale) and regions. */
final class GtCatalog {

  record Manufacturer(int id, Map<String, String> names, String logo) {
    String name(String locale) {
      return names.getOrDefault(locale, names.get("en"));
    }
  }

  record Car(
      int id,
      int carCode,
      String gt7Code,
      Map<String, String> names,
      String carClass,
      int manufacturerId) {
    String name(String locale) {
      return names.getOrDefault(locale, names.get("en"));
    }
  }

  record Region(int id, String code, String name, boolean active) {}

  final List<Manufacturer> manufacturers = new ArrayList<>();
  final List<Car> cars = new ArrayList<>();
  final List<Region> regions = new ArrayList<>();

  static GtCatalog sample() {
    GtCatalog c = new GtCatalog();
    c.manufacturers.add(
        new Manufacturer(
            144,
            Map.of("en", "Suzuki", "zh", "铃木"),
            "https://gtgridstats.com/storage/logos/suzuki.png"));
    c.manufacturers.add(
        new Manufacturer(
            78,
            Map.of("en", "Ferrari", "zh", "法拉利"),
            "https://gtgridstats.com/storage/logos/ferrari.png"));
    c.manufacturers.add(
        new Manufacturer(
            17,
            Map.of("en", "Mazda", "zh", "马自达"),
            "https://gtgridstats.com/storage/logos/mazda.png"));
    c.cars.add(
        new Car(
            613,
            1544,
            "car1544",
            Map.of("en", "Ferrari 430 Scuderia '07", "zh", "法拉利 430 Scuderia '07"),
            "Gr.N",
            78));
    c.cars.add(
        new Car(
            620,
            1610,
            "car1610",
            Map.of("en", "Ferrari 458 Italia GT3 '13", "zh", "法拉利 458 Italia GT3 '13"),
            "Gr.3",
            78));
    c.cars.add(
        new Car(
            900,
            3253,
            "car3253",
            Map.of("en", "Mazda RX-Vision GT3 Concept", "zh", "马自达 RX-Vision GT3 Concept"),
            "Gr.3",
            17));
    String[] classes = {"Gr.1", "Gr.2", "Gr.3", "Gr.4", "Gr.B", "Gr.N"};
    for (int i = 0; i < 34; i++) {
      int manufacturer = i % 3 == 0 ? 144 : i % 3 == 1 ? 17 : 78;
      String brand = manufacturer == 144 ? "Suzuki" : manufacturer == 17 ? "Mazda" : "Ferrari";
      c.cars.add(
          new Car(
              700 + i,
              2000 + i,
              "car" + (2000 + i),
              Map.of("en", brand + " Model " + i + " '2" + (i % 10)),
              classes[i % classes.length],
              manufacturer));
    }
    c.regions.add(new Region(5, "cn", "China", true));
    c.regions.add(new Region(10, "gb", "United Kingdom", true));
    c.regions.add(new Region(30, "us", "United States", true));
    return c;
  }

  Manufacturer manufacturer(int id) {
    return manufacturers.stream().filter(m -> m.id() == id).findFirst().orElse(null);
  }
}
