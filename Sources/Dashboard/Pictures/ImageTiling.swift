/// How images are drawn as tiles of shade characters in an area: the scale, and each tile's size.
///
/// A terminal cell is about twice as tall as wide, so at `columnsPerPixel` m an `h × w` image takes
/// `w·m` columns and `h·m/2` rows (m = 2: a pixel is two cells side by side; m = ½: a cell averages
/// 2×4 pixels). Tiles are separated by one blank column and carry one label line underneath.
struct ImageTiling: Equatable {
  /// Columns per image pixel.
  var columnsPerPixel: Double
  /// Columns of one tile's picture.
  var width: Int
  /// Rows of one tile's picture (the label line is extra).
  var height: Int
  /// Tiles per row and rows of tiles that fit.
  var columns: Int, rows: Int

  /// How many tiles fit.
  var capacity: Int { columns * rows }

  /// The scales tried, largest first.
  static let scales: [Double] = [2, 1, 0.5, 0.25]

  /// The tiling of `height × width` images in `areaWidth × areaHeight` with a label line per tile.
  init(height: Int, width: Int, columnsPerPixel m: Double, areaWidth: Int, areaHeight: Int) {
    columnsPerPixel = m
    self.width = max(3, Int((Double(width) * m).rounded(.up)))
    self.height = max(1, Int((Double(height) * m / 2).rounded(.up)))
    columns = max(0, (areaWidth + 1) / (self.width + 1))
    rows = max(0, areaHeight / (self.height + 1))
  }

  /// The largest scale that fits `wanted` tiles, else the one that fits most.
  static func best(height: Int, width: Int, wanted: Int, areaWidth: Int, areaHeight: Int) -> ImageTiling {
    let options = scales.map {
      ImageTiling(height: height, width: width, columnsPerPixel: $0, areaWidth: areaWidth, areaHeight: areaHeight)
    }
    return options.first { $0.capacity >= wanted } ?? options.max { $0.capacity < $1.capacity } ?? options[0]
  }

  /// The mean of the pixels under the cell at (`column`, `row`) of a tile: grey levels `h × w`.
  func level(_ pixels: [Float], imageHeight h: Int, imageWidth w: Int, column: Int, row: Int) -> Float {
    let perColumn = 1 / columnsPerPixel
    let perRow = 2 / columnsPerPixel
    let x0 = min(w - 1, Int(Double(column) * perColumn))
    let y0 = min(h - 1, Int(Double(row) * perRow))
    let x1 = min(w, max(x0 + 1, Int(Double(column + 1) * perColumn)))
    let y1 = min(h, max(y0 + 1, Int(Double(row + 1) * perRow)))
    var sum: Float = 0
    for y in y0..<y1 {
      for x in x0..<x1 { sum += pixels[y * w + x] }
    }
    return sum / Float((y1 - y0) * (x1 - x0))
  }
}
