namespace Tandem.Brains.Packing;

/// <summary>
/// The empty space left in a box as maximal cuboids (they may overlap; none lies inside another). Placing a block cuts
/// every space it touches into the up to six largest pieces around it; pieces too small for any item left are dropped.
/// </summary>
internal sealed class MaximalSpaces
{
    private readonly List<Cuboid> _spaces = [];
    private readonly List<Cuboid> _pieces = [];

    public int Count => _spaces.Count;

    public Cuboid this[int index] => _spaces[index];

    public void Reset(Cuboid whole)
    {
        _spaces.Clear();
        _spaces.Add(whole);
    }

    public void RemoveAt(int index)
    {
        _spaces[index] = _spaces[^1];
        _spaces.RemoveAt(_spaces.Count - 1);
    }

    /// <summary>Takes <paramref name="block"/> out of the free space; keeps pieces at least <paramref name="minSide"/> on every side.</summary>
    public void Cut(Cuboid block, int minSide)
    {
        _pieces.Clear();
        for (var i = _spaces.Count - 1; i >= 0; i--)
        {
            var s = _spaces[i];
            if (!s.Intersects(block))
            {
                continue;
            }

            RemoveAt(i);
            Piece(s with { X2 = block.X1 }, minSide);
            Piece(s with { X1 = block.X2 }, minSide);
            Piece(s with { Y2 = block.Y1 }, minSide);
            Piece(s with { Y1 = block.Y2 }, minSide);
            Piece(s with { Z2 = block.Z1 }, minSide);
            Piece(s with { Z1 = block.Z2 }, minSide);
        }

        for (var i = 0; i < _pieces.Count; i++)
        {
            var piece = _pieces[i];
            if (!Inside(piece, i))
            {
                _spaces.Add(piece);
            }
        }

        if (minSide > 0)
        {
            _spaces.RemoveAll(s => s.Dx < minSide || s.Dy < minSide || s.Dz < minSide);
        }
    }

    private void Piece(Cuboid piece, int minSide)
    {
        if (piece.Dx >= Math.Max(minSide, 1) && piece.Dy >= Math.Max(minSide, 1) && piece.Dz >= Math.Max(minSide, 1))
        {
            _pieces.Add(piece);
        }
    }

    /// <summary>Whether piece <paramref name="index"/> lies inside a kept space or another piece (of two equal pieces the later one stays).</summary>
    private bool Inside(Cuboid piece, int index)
    {
        foreach (var s in _spaces)
        {
            if (s.Contains(piece))
            {
                return true;
            }
        }

        for (var j = 0; j < _pieces.Count; j++)
        {
            if (j != index && _pieces[j].Contains(piece) && (_pieces[j] != piece || j > index))
            {
                return true;
            }
        }

        return false;
    }
}
